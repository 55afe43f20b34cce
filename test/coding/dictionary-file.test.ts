import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dictionaryFromText, listCell, optionalCell } from '../../src/coding/dictionary-file.ts';
import { ConfigError } from '../../src/errors.ts';

test('dictionary-file: header, columns, rows with line numbers', () => {
  const d = dictionaryFromText('# covers: test\n# as of 2026\n\ncode\tnames\nRUS\tRussia|Russian Federation\n\n# comment\nUSA\tUnited States\n', 'x.tsv');
  assert.deepEqual(d.header, ['covers: test', 'as of 2026']);
  assert.deepEqual(d.columns, ['code', 'names']);
  assert.deepEqual(d.rows.map((r) => [r.line, ...r.cells]), [[5, 'RUS', 'Russia|Russian Federation'], [8, 'USA', 'United States']]);
});

const bad: ReadonlyArray<{ name: string; text: string; where: string }> = [
  { name: 'no header', text: 'code\tname\nRUS\tRussia\n', where: 'x.tsv:1' },
  { name: 'wrong cell count', text: '# h\ncode\tname\nRUS\n', where: 'x.tsv:3' },
  { name: 'no column line', text: '# h\n', where: 'x.tsv' },
];
for (const c of bad) {
  test(`dictionary-file: rejects ${c.name}`, () => {
    assert.throws(() => dictionaryFromText(c.text, 'x.tsv'), (e: unknown) => e instanceof ConfigError && e.where === c.where);
  });
}

test('dictionary-file: list and optional cells', () => {
  assert.deepEqual(listCell('a| b |c'), ['a', 'b', 'c']);
  assert.deepEqual(listCell('-'), []);
  assert.equal(optionalCell('-'), null);
  assert.equal(optionalCell('GOV'), 'GOV');
});
