import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { FormatError, InputError, exitCodeOf, oneLine } from '../../src/errors.ts';
import { describeDoc, docFromPath, docsFromPaths, type IngestFailure } from '../../src/ingest/index.ts';
import type { Progress } from '../../src/progress.ts';
import type { Doc } from '../../src/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'detente-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const badInputs: ReadonlyArray<{ name: string; make: () => string; options?: Parameters<typeof docFromPath>[1]; kind: typeof InputError | typeof FormatError; message: string }> = [
  { name: 'missing path', make: () => join(dir, 'nope.txt'), kind: InputError, message: 'no such file or folder' },
  { name: 'a folder where a file is needed', make: () => (mkdirSync(join(dir, 'folder'), { recursive: true }), join(dir, 'folder')), kind: InputError, message: 'is a folder, not a file (folders are read with docsFromPaths)' },
  { name: 'binary content', make: () => file('data.txt', new Uint8Array([0x50, 0x4b, 0x00, 0x01, 0x02, 0xff, 0x00])), kind: InputError, message: 'binary file, not text, HTML or PDF' },
  { name: 'mostly control characters', make: () => file('ctrl.txt', '\u0001\u0002\u0003\u0004abc\u0005\u0006'), kind: InputError, message: 'binary file, not text, HTML or PDF' },
  {
    name: 'invalid UTF-8 names the line',
    make: () => file('latin1.txt', new Uint8Array([...new TextEncoder().encode('line one\nline two\nthe '), 0x93, ...new TextEncoder().encode('quote\n')])),
    kind: FormatError,
    message: 'invalid UTF-8 (byte 0x93 at column 5; save the file as UTF-8)',
  },
  { name: 'unknown extension with text', make: () => file('report.docx', 'Plain words.'), kind: InputError, message: 'unsupported file type .docx (expected .txt, .md, .html or .pdf)' },
  { name: 'unknown extension with a zip', make: () => file('report2.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])), kind: InputError, message: 'unsupported file type .docx (expected .txt, .md, .html or .pdf)' },
  { name: 'csv is not a document', make: () => file('events.csv', 'a,b\n1,2\n'), kind: InputError, message: 'unsupported file type .csv (expected .txt, .md, .html or .pdf)' },
  { name: 'a .pdf that is not one', make: () => file('fake.pdf', 'Just some words.'), kind: FormatError, message: 'not a valid PDF: no %PDF- header' },
  { name: 'a broken PDF', make: () => file('broken.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer'), kind: FormatError, message: 'not a valid PDF: Invalid PDF structure' },
  {
    name: 'a file above the size limit, refused from its size',
    make: () => {
      const path = file('huge.txt', '');
      truncateSync(path, 100 * 1024 * 1024);
      return path;
    },
    kind: InputError,
    message: 'file is 100.0 MB, above the 64 MB limit for one document',
  },
  {
    // Reading 3 GB into memory would fail differently (Node refuses files over 2 GB): the size is checked first.
    name: 'a sparse 3 GB file is never read',
    make: () => {
      const path = file('sparse.txt', '');
      truncateSync(path, 3 * 1024 * 1024 * 1024);
      return path;
    },
    kind: InputError,
    message: 'file is 3.0 GB, above the 64 MB limit for one document',
  },
  { name: 'a smaller limit', make: () => file('small.txt', 'twenty bytes of text'), options: { maxBytes: 10 }, kind: InputError, message: 'file is 20 bytes, above the 10 bytes limit for one document' },
];

for (const c of badInputs) {
  test(`bad input: ${c.name}`, async () => {
    const path = c.make();
    await assert.rejects(docFromPath(path, c.options), (error: unknown) => {
      assert.ok(error instanceof c.kind, String(error));
      assert.equal(error.message, c.message);
      const line = oneLine(error);
      assert.ok(line.startsWith(path), line);
      assert.ok(!line.includes('\n'));
      assert.ok(exitCodeOf(error) > 0);
      return true;
    });
  });
}

test('bad input: invalid UTF-8 carries its line', async () => {
  const path = file('latin1-line.txt', new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xff]));
  await assert.rejects(docFromPath(path), (error: unknown) => error instanceof FormatError && error.line === 3 && oneLine(error) === `${path}:3: invalid UTF-8 (byte 0xFF at column 1; save the file as UTF-8)`);
});

const goodInputs: ReadonlyArray<{ name: string; file: string; content: string | Uint8Array; text: string; format: Doc['format'] }> = [
  { name: 'empty file is an empty document', file: 'empty.txt', content: '', text: '', format: 'text' },
  { name: 'front matter only', file: 'meta-only.md', content: '---\ntitle: T\n---\n', text: '', format: 'markdown' },
  { name: 'UTF-8 with BOM', file: 'bom.txt', content: '\uFEFFHello there.', text: 'Hello there.', format: 'text' },
  { name: 'UTF-16 with BOM', file: 'utf16.txt', content: new Uint8Array([0xff, 0xfe, ...Buffer.from('Hi there.', 'utf16le')]), text: 'Hi there.', format: 'text' },
  { name: 'no extension, text', file: 'README', content: 'Some notes.', text: 'Some notes.', format: 'text' },
  { name: 'numeric extension is no extension', file: 'minutes.2013', content: 'Some minutes.', text: 'Some minutes.', format: 'text' },
  { name: 'PDF content under another name', file: 'paper.bin', content: '%PDF-', text: '', format: 'pdf' },
  { name: '.text and .htm', file: 'page.htm', content: '<p>Hello &amp; welcome, reader of this page.</p>', text: 'Hello & welcome, reader of this page.', format: 'html' },
];

for (const c of goodInputs) {
  test(`input: ${c.name}`, async () => {
    const path = file(c.file, c.content);
    const bytes = typeof c.content === 'string' ? new TextEncoder().encode(c.content) : c.content;
    if (c.format === 'pdf') {
      // `%PDF-` alone is sniffed as PDF, then refused as broken: the point is the format chosen.
      await assert.rejects(docFromPath(path), (error: unknown) => error instanceof FormatError && error.message.startsWith('not a valid PDF'));
      return;
    }
    const doc = await docFromPath(path);
    assert.equal(doc.text, c.text);
    assert.equal(doc.format, c.format);
    assert.equal(doc.origin, path);
    assert.equal(doc.name, c.file);
    assert.equal(doc.id, createHash('sha256').update(bytes).digest('hex'));
  });
}

test('docsFromPaths: folders recurse in sorted order, skipping hidden files and noting unsupported ones', async () => {
  const root = join(dir, 'corpus');
  for (const [name, content] of [
    ['b.md', '# B\n\nBee.'],
    ['a.txt', 'Ay.'],
    ['sub/c.html', '<p>Sea, the body of this page.</p>'],
    ['sub/d.pdf', 'not a pdf'],
    ['.hidden.txt', 'secret'],
    ['.git/config.txt', 'x'],
    ['notes.docx', 'x'],
    ['LICENSE', 'x'],
  ] as const) {
    file(join('corpus', name), content);
  }
  const skipped: string[] = [];
  const progress = recordingProgress();
  const results: (Doc | IngestFailure)[] = [];
  for await (const item of docsFromPaths([root, join(dir, 'missing.txt')], { onSkip: (path, reason) => skipped.push(`${path.slice(root.length + 1)}: ${reason}`), progress })) {
    results.push(item);
  }
  const summary = results.map((r) => ('error' in r ? `error ${r.origin.slice(dir.length + 1)}: ${r.error.message}` : `${r.format} ${r.name} ${r.text}`));
  assert.deepEqual(summary, [
    'text a.txt Ay.',
    'markdown b.md B\n\nBee.',
    'html c.html Sea, the body of this page.',
    'error corpus/sub/d.pdf: not a valid PDF: no %PDF- header',
    'error missing.txt: no such file or folder',
  ]);
  assert.deepEqual(skipped, ['LICENSE: no file extension', 'notes.docx: unsupported file type .docx']);
  assert.deepEqual(progress.events, ['start reading documents 5', 'update 1', 'update 2', 'update 3', 'update 4', 'update 5', 'stop']);
});

test('stdin: `-` reads the given stream', async () => {
  const doc = await docFromPath('-', { stdin: Readable.from([Buffer.from('---\ndate: 2013-07-15\n---\nFrom '), Buffer.from('standard input.')]) });
  assert.equal(doc.name, 'stdin');
  assert.equal(doc.origin, '-');
  assert.equal(doc.text, 'From standard input.');
  assert.equal(doc.meta.date, '2013-07-15');
});

test('stdin: refused as soon as it passes the limit', async () => {
  await assert.rejects(docFromPath('-', { maxBytes: 8, stdin: Readable.from([Buffer.from('12345'), Buffer.from('67890')]) }), (error: unknown) => {
    return error instanceof InputError && oneLine(error) === '-: input is larger than the 8 bytes limit for one document';
  });
});

test('describeDoc: one line', async () => {
  const doc = await docFromPath(file('described.md', '---\ntitle: Talks\ndate: 2013-07-15\n---\n# Talks\n\nThey met.\n\n## More\n\nAgain.'));
  assert.equal(describeDoc(doc), 'described.md: markdown, 2013-07-15, "Talks"; 4 paragraphs, 2 sections, 0 tables, 5 words');
});

function recordingProgress(): Progress & { events: string[] } {
  const events: string[] = [];
  return {
    events,
    start: (label, total) => events.push(`start ${label} ${total}`),
    update: (done) => events.push(`update ${done}`),
    stop: () => events.push('stop'),
  };
}
