import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layering = (allowed, forbidden, message) => ({
  files: ['src/**/*.ts', 'web/**/*.ts', 'scripts/**/*.ts'],
  ignores: allowed,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'web/dist', 'coverage', '**/*.min.js', 'scratch', 'test-output'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
      'prefer-const': 'error',
    },
  },
  // Only src/store talks to DuckDB; only src/nlp talks to the NLP library.
  layering(['src/store/**'], ['@duckdb/*'], 'DuckDB is used only from src/store.'),
  layering(['src/nlp/**'], ['wink-nlp', 'wink-eng-lite-web-model'], 'The NLP library is used only from src/nlp.'),
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
