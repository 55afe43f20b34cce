import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FormatError, InputError, oneLine } from '../../src/errors.ts';
import { isoDateFromValue } from '../../src/ingest/dates.ts';
import { docFromBytes } from '../../src/ingest/index.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const metas: ReadonlyArray<{ name: string; text: string; date?: string; title: string | null; expectedDate: string | null; source: string | null; publisher?: string; body: string }> = [
  { name: 'quoted date', text: '---\ntitle: "A title"\ndate: "2013-07-15"\nsource: "somewhere"\n---\nBody.', title: 'A title', expectedDate: '2013-07-15', source: 'somewhere', body: 'Body.' },
  { name: 'plain YAML date', text: '---\ntitle: Plain\ndate: 2013-07-15\n---\nBody.', title: 'Plain', expectedDate: '2013-07-15', source: null, body: 'Body.' },
  { name: 'timestamp', text: '---\ndate: 2013-07-15T10:30:00Z\n---\nBody.', title: null, expectedDate: '2013-07-15', source: null, body: 'Body.' },
  { name: 'year only', text: '---\ndate: 2013\n---\nBody.', title: null, expectedDate: '2013', source: null, body: 'Body.' },
  { name: 'written date', text: '---\ndate: 15 July 2013\n---\nBody.', title: null, expectedDate: '2013-07-15', source: null, body: 'Body.' },
  { name: 'publisher, other keys ignored, CRLF lines', text: '---\r\ntitle: T\r\npublisher: The White House\r\ntype: statement\r\n---\r\nBody.', title: 'T', expectedDate: null, source: null, publisher: 'The White House', body: 'Body.' },
  { name: 'option date overrides front matter', text: '---\ndate: 2013-07-15\n---\nBody.', date: 'July 20, 2013', title: null, expectedDate: '2013-07-20', source: null, body: 'Body.' },
  { name: 'no front matter', text: 'Body.', title: null, expectedDate: null, source: null, body: 'Body.' },
  { name: 'a rule without closing is not front matter', text: '---\nBody.', title: null, expectedDate: null, source: null, body: '---\nBody.' },
  { name: 'empty front matter', text: '---\n---\nBody.', title: null, expectedDate: null, source: null, body: 'Body.' },
];

for (const c of metas) {
  test(`front matter: ${c.name}`, async () => {
    const doc = await docFromBytes(bytes(c.text), 'doc.txt', c.date === undefined ? {} : { date: c.date });
    assert.equal(doc.meta.title, c.title);
    assert.equal(doc.meta.date, c.expectedDate);
    assert.equal(doc.meta.source, c.source);
    assert.equal(doc.meta.publisher, c.publisher ?? null);
    assert.equal(doc.original, c.body);
  });
}

const errors: ReadonlyArray<{ name: string; text: string; date?: string; error: typeof FormatError | typeof InputError; line: string }> = [
  { name: 'invalid YAML names the line', text: '---\ntitle: "ok"\ndate: [2013\n---\nBody.', error: FormatError, line: 'paper.txt:3: invalid YAML front matter' },
  { name: 'a date that is not one', text: '---\ntitle: x\ndate: soon\n---\nBody.', error: FormatError, line: 'paper.txt:3: front matter date "soon" is not a date (expected e.g. 2013-07-15)' },
  { name: 'a list instead of a mapping', text: '---\n- a\n- b\n---\nBody.', error: FormatError, line: 'paper.txt:2: front matter must be a YAML mapping (title:, date:, source:)' },
  { name: 'a bad --date', text: 'Body.', date: '2013-13-45', error: InputError, line: '--date: "2013-13-45" is not a date (expected e.g. 2013-07-15)' },
];

for (const c of errors) {
  test(`front matter error: ${c.name}`, async () => {
    await assert.rejects(docFromBytes(bytes(c.text), 'paper.txt', c.date === undefined ? {} : { date: c.date }), (error: unknown) => {
      assert.ok(error instanceof c.error);
      assert.ok(oneLine(error).startsWith(c.line), oneLine(error));
      assert.ok(!oneLine(error).includes('\n'));
      return true;
    });
  });
}

const dates: ReadonlyArray<{ value: unknown; expected: string | null }> = [
  { value: '2013-07-15', expected: '2013-07-15' },
  { value: '2013-07', expected: '2013-07' },
  { value: '2013/7/5', expected: '2013-07-05' },
  { value: 'July 15, 2013', expected: '2013-07-15' },
  { value: '15th Jul. 2013', expected: '2013-07-15' },
  { value: 'September 2015', expected: '2015-09' },
  { value: new Date(Date.UTC(2010, 3, 8)), expected: '2010-04-08' },
  { value: 2016, expected: '2016' },
  { value: '2013-02-30', expected: null },
  { value: 'Smarch 3, 2013', expected: null },
  { value: 'yesterday', expected: null },
  { value: 12, expected: null },
];

for (const c of dates) {
  test(`date: ${String(c.value instanceof Date ? c.value.toISOString() : c.value)}`, () => {
    assert.equal(isoDateFromValue(c.value), c.expected);
  });
}
