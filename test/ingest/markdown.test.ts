import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docFromBytes } from '../../src/ingest/index.ts';

const cases: ReadonlyArray<{ name: string; markdown: string; paragraphs: string[]; sections?: string[]; blocks?: string[] }> = [
  {
    name: 'ATX and Setext headings open sections',
    markdown: '# Title #\n\nIntro.\n\nTrade\n-----\n\nText.\n\nSecurity\n========\nMore.',
    paragraphs: ['Title', 'Intro.', 'Trade', 'Text.', 'Security', 'More.'],
    sections: ['Title', 'Trade', 'Security'],
  },
  {
    name: 'emphasis, code and links become plain text',
    markdown: 'The **US** and *Russia* signed the _New START_ treaty ~~today~~ in [Prague](https://example.org/prague "Prague") and `Geneva`, see [the text][1].\n\n[1]: https://example.org/text',
    paragraphs: ['The US and Russia signed the New START treaty today in Prague and Geneva, see the text.'],
  },
  {
    name: 'literal stars, snake_case and escapes kept',
    markdown: 'Growth was 2 * 3 percent in file_name_2013, a \\*real\\* star.',
    paragraphs: ['Growth was 2 * 3 percent in file_name_2013, a *real* star.'],
  },
  {
    name: 'lists and quotes become paragraphs',
    markdown: 'They agreed to:\n\n- exchange information;\n- hold talks\n  in Geneva.\n\n1. first\n2. second\n\n> Quoted text\n> over two lines.',
    paragraphs: ['They agreed to:', 'exchange information;', 'hold talks in Geneva.', 'first', 'second', 'Quoted text over two lines.'],
  },
  {
    name: 'a year starting a wrapped line is not a list',
    markdown: 'The treaty was signed in April\n2010. It entered into force later.',
    paragraphs: ['The treaty was signed in April 2010. It entered into force later.'],
  },
  {
    name: 'images, code blocks, inline HTML and rules left out',
    markdown: '![map of the region](map.png)\n\nText with <span class="x">markup</span>.\n\n```js\nconst attack = true;\n```\n\n---\n\nAfter <https://example.org>.',
    paragraphs: ['Text with markup.', 'After https://example.org.'],
  },
  {
    name: 'pipe tables become blocks',
    markdown: 'Before.\n\n| Year | Trade |\n|------|------:|\n| 2012 | 40.1 |\n| 2013 | 38.1 |\n\nAfter.',
    paragraphs: ['Before.', 'After.'],
    blocks: ['| Year | Trade |\n|------|------:|\n| 2012 | 40.1 |\n| 2013 | 38.1 |'],
  },
];

for (const c of cases) {
  test(`markdown: ${c.name}`, async () => {
    const doc = await docFromBytes(new TextEncoder().encode(c.markdown), 'note.md');
    assert.equal(doc.format, 'markdown');
    assert.deepEqual(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end)), c.paragraphs);
    if (c.sections) assert.deepEqual(doc.sections.map((s) => s.title), c.sections);
    assert.deepEqual(doc.blocks.map((b) => doc.original.slice(b.original.start, b.original.end)), c.blocks ?? []);
  });
}

test('markdown: a leading heading is the title when front matter gives none', async () => {
  const doc = await docFromBytes(new TextEncoder().encode('# Readout of the call\n\nThe presidents spoke.'), 'call.markdown');
  assert.equal(doc.meta.title, 'Readout of the call');
});
