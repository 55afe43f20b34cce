import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../src/errors.ts';
import { docFromBytes, originalSpanFromClean } from '../../src/ingest/index.ts';
import { layoutFromDrafts } from '../../src/ingest/layout.ts';
import { structureFromPlainText } from '../../src/ingest/plain-text.ts';
import type { Doc, DocFormat } from '../../src/types.ts';

// Pieces of text with the artifacts the cleaners act on, so random documents exercise every rule.
const FRAGMENTS = [
  'Russia', 'the', 'US', 'agreed', 'talks', 'develop-\nment', 'counter-\nterrorism', 'capability1,', 'region.2', 'stability”.3', 'G-8', 'S-300',
  '$ 4.4', '0.6%', 'ﬁnal', '\u00A0', '\u00AD', '\uFEFF', '\u0007', '\t', ' ', ' ', ' ', '\n', '\n', '\n\n', '\n3\n', '\f', '—', '.', ',', '“', '”',
  'Missile and Nuclear Issues\n', 'Table 1: Trade\n1.5\n\n2.4\n\n3.1\nSource: x\n', '**', '_', '[link](http://x.y)', '# ', '- ', '`code`',
  '&amp;', '&rsquo;', '<p>', '</p>', '<br>', '<h2>', '</h2>', '<table><tr><td>1</td></tr></table>', '<nav>menu</nav>', '<script>x=1</script>',
];

const documentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));

function checkOffsets(doc: Doc): void {
  let previousEnd = 0;
  const covered = new Uint8Array(doc.text.length);
  for (const segment of doc.offsets) {
    assert.ok(segment.length > 0, 'empty segment');
    assert.ok(segment.clean >= previousEnd, 'segments overlap or are out of order');
    assert.ok(segment.original >= 0 && segment.original + segment.length <= doc.original.length, 'segment outside the original');
    assert.equal(doc.text.slice(segment.clean, segment.clean + segment.length), doc.original.slice(segment.original, segment.original + segment.length));
    covered.fill(1, segment.clean, segment.clean + segment.length);
    previousEnd = segment.clean + segment.length;
  }
  // Only separators and expanded ligatures are put in by cleaning; every other character is copied.
  for (let i = 0; i < doc.text.length; i++) {
    if (covered[i] === 0) assert.match(doc.text[i] ?? '', /[\s&’fils]/u, `character ${JSON.stringify(doc.text[i])} at ${i} maps nowhere`);
  }
  for (const p of doc.paragraphs) assert.ok(p.start < p.end && p.end <= doc.text.length);
  for (const s of doc.sections) assert.ok(s.span.start <= s.span.end && s.span.end <= doc.text.length);
  for (const b of doc.blocks) assert.ok(b.original.start <= b.original.end && b.original.end <= doc.original.length);
}

const formats: ReadonlyArray<{ format: DocFormat; name: string }> = [
  { format: 'text', name: 'random.txt' },
  { format: 'markdown', name: 'random.md' },
  { format: 'html', name: 'random.html' },
];

for (const { format, name } of formats) {
  test(`offsets (${format}): every copied character maps to the same character of the original`, async () => {
    await fc.assert(
      fc.asyncProperty(documentText, fc.nat(), fc.nat(), async (text, a, b) => {
        const bytes = new TextEncoder().encode(text);
        const doc = await docFromBytes(bytes, name, { format }).catch((error: unknown) => {
          // Mostly control characters: refused as binary, which is right.
          if (error instanceof InputError && /^binary file/.test(error.message)) return null;
          throw error;
        });
        if (doc === null) return;
        checkOffsets(doc);
        if (doc.text.length === 0) return;
        const start = a % doc.text.length;
        const end = start + (b % (doc.text.length - start + 1));
        const span = originalSpanFromClean(doc, { start, end });
        assert.ok(span.start >= 0 && span.start <= span.end && span.end <= doc.original.length);
        const inside = doc.offsets.find((s) => s.clean <= start && end <= s.clean + s.length);
        if (inside) assert.equal(doc.original.slice(span.start, span.end), doc.text.slice(start, end));
      }),
      { numRuns: 150, seed: 20130715 },
    );
  });
}

test('offsets: the extracted-text repair keeps the map for forced repair', () => {
  fc.assert(
    fc.property(documentText, (text) => {
      const layout = layoutFromDrafts(text, structureFromPlainText(text, { extracted: true }).drafts);
      checkOffsets({ ...layout, original: text, id: '', name: '', origin: '', format: 'text', meta: { title: null, date: null, source: null, publisher: null }, blocks: [] });
    }),
    { numRuns: 300, seed: 42 },
  );
});

const spans: ReadonlyArray<{ name: string; original: string; clean: { start: number; end: number }; expected: string }> = [
  { name: 'a word across a removed page number', original: 'about $ 4.4\n11\nbillion, which', clean: { start: 6, end: 19 }, expected: '$ 4.4\n11\nbillion' },
  { name: 'a word after a removed footnote marker', original: 'forces capability1, which would matter.2 And', clean: { start: 7, end: 17 }, expected: 'capability' },
  { name: 'a rejoined hyphenated word', original: 'the develop-\nment of', clean: { start: 4, end: 15 }, expected: 'develop-\nment' },
  { name: 'span starting on an inserted space', original: 'one\ntwo three', clean: { start: 3, end: 7 }, expected: 'two' },
];

for (const c of spans) {
  test(`originalSpanFromClean: ${c.name}`, () => {
    const layout = layoutFromDrafts(c.original, structureFromPlainText(c.original, { extracted: true }).drafts);
    const span = originalSpanFromClean({ offsets: layout.offsets, original: c.original }, c.clean);
    assert.equal(c.original.slice(span.start, span.end), c.expected);
  });
}
