import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, FormatError, InputError, StoreError, exitCodeOf, oneLine } from '../src/errors.ts';

const cases: ReadonlyArray<{ name: string; error: unknown; line: string; code: number }> = [
  { name: 'input', error: new InputError('a.txt', 'no such file'), line: 'a.txt: no such file', code: 2 },
  { name: 'format with line', error: new FormatError('b.tsv', 'expected 61 columns, got 3', 7), line: 'b.tsv:7: expected 61 columns, got 3', code: 3 },
  { name: 'format without line', error: new FormatError('c.pdf', 'encrypted PDF'), line: 'c.pdf: encrypted PDF', code: 3 },
  { name: 'config', error: new ConfigError('--format', 'unknown format "xml"'), line: '--format: unknown format "xml"', code: 2 },
  { name: 'store', error: new StoreError('database is locked'), line: 'database is locked', code: 4 },
  { name: 'plain error keeps first line', error: new Error('first\nsecond'), line: 'first', code: 1 },
  { name: 'non-error', error: 'boom', line: 'boom', code: 1 },
];

for (const c of cases) {
  test(`errors: ${c.name}`, () => {
    assert.equal(oneLine(c.error), c.line);
    assert.equal(exitCodeOf(c.error), c.code);
  });
}
