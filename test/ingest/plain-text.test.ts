import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutFromDrafts } from '../../src/ingest/layout.ts';
import { structureFromPlainText, type TextMode } from '../../src/ingest/plain-text.ts';

function cleaned(original: string, extracted = true): { text: string; mode: TextMode; sections: string[]; blocks: string[]; paragraphs: string[] } {
  const structure = structureFromPlainText(original, { extracted });
  const layout = layoutFromDrafts(original, structure.drafts);
  return {
    text: layout.text,
    mode: structure.mode,
    sections: layout.sections.map((s) => s.title),
    blocks: structure.blocks.map((b) => original.slice(b.original.start, b.original.end)),
    paragraphs: layout.paragraphs.map((p) => layout.text.slice(p.start, p.end)),
  };
}

// A line of filler so that the typical line width is that of a printed page.
const FULL = 'The two governments held several rounds of talks on the matter during the year';

const repairs: ReadonlyArray<{ name: string; input: string; expected: string }> = [
  { name: 'lines rejoined', input: `${FULL}\nand agreed to meet again.`, expected: `${FULL} and agreed to meet again.` },
  { name: 'lone page number between sentences', input: `${FULL}\nand agreed to meet again.\n3\nThey met again in the\nautumn of that year.`, expected: `${FULL} and agreed to meet again.\n\nThey met again in the autumn of that year.` },
  { name: 'page number mid-sentence', input: `${FULL}\nwere about $ 4.4\n11\nbillion, which is low.`, expected: `${FULL} were about $ 4.4 billion, which is low.` },
  { name: 'page number styles', input: `${FULL}\nwent\n- 12 -\non and\nPage 4 of 9\non.`, expected: `${FULL} went on and on.` },
  { name: 'hyphenation rejoined', input: `${FULL}\nto the develop-\nment of trade.`, expected: `${FULL} to the development of trade.` },
  { name: 'known prefix keeps hyphen', input: `${FULL}\non counter-\nterrorism and non-\nproliferation.`, expected: `${FULL} on counter-terrorism and non-proliferation.` },
  { name: 'capitalised right part keeps hyphen', input: `${FULL}\nunder the Nunn-\nLugar programme and the US-\nRussia summit.`, expected: `${FULL} under the Nunn-Lugar programme and the US-Russia summit.` },
  { name: 'document spelling decides', input: `${FULL}\nabout cyber-security. They discussed cyber-\nsecurity again.`, expected: `${FULL} about cyber-security. They discussed cyber-security again.` },
  { name: 'document spelling joins', input: `${FULL}\nabout peacekeeping. They discussed peace-\nkeeping again.`, expected: `${FULL} about peacekeeping. They discussed peacekeeping again.` },
  { name: 'compound ending keeps hyphen', input: `${FULL}\nin a Russia-\nled coalition.`, expected: `${FULL} in a Russia-led coalition.` },
  { name: 'dash at line end joins without space', input: `${FULL}\nagainst it—\nbut to no avail.`, expected: `${FULL} against it—but to no avail.` },
  {
    name: 'footnote markers glued and after punctuation',
    input: `${FULL}\nforces capability1, which would matter. It is\na window of “stability”.2 Russia wants the\nregion.3\n${FULL}\nout of the NPT.4 Russia also has interests.`,
    expected: `${FULL} forces capability, which would matter. It is a window of “stability”. Russia wants the region.\n\n${FULL} out of the NPT. Russia also has interests.`,
  },
  {
    name: 'real numbers kept',
    input: `${FULL}\nat the G-8 and G20, on the S-300 and MIG-29, on\nresolution 1973, $9.9 billion, 0.6% and 2.1 points, the F-16,\nMH17 and the P-5 plus 1. No.5 Squadron and table US.1 stay.`,
    expected: `${FULL} at the G-8 and G20, on the S-300 and MIG-29, on resolution 1973, $9.9 billion, 0.6% and 2.1 points, the F-16, MH17 and the P-5 plus 1. No.5 Squadron and table US.1 stay.`,
  },
  { name: 'lone glued number is not a footnote', input: `${FULL}\nthe covid19 pandemic.`, expected: `${FULL} the covid19 pandemic.` },
  {
    name: 'stray leading bytes and characters normalised',
    input: `\uFEFF${FULL}\n have security\u00A0consequences \u0007for\u00ADwhat is ﬁnal and ﬂat.`,
    expected: `${FULL} have security consequences forwhat is final and flat.`,
  },
  {
    name: 'short sentence-ending line breaks the paragraph',
    input: `${FULL}\nand ended.\nA new paragraph starts here and runs on for a\nwhile.`,
    expected: `${FULL} and ended.\n\nA new paragraph starts here and runs on for a while.`,
  },
  {
    name: 'full sentence-ending line does not break',
    input: `${FULL}\nThe two governments held several rounds of talks on it in the autumn.\nThey agreed.`,
    expected: `${FULL} The two governments held several rounds of talks on it in the autumn. They agreed.`,
  },
  {
    name: 'blank line inside a sentence at a page end',
    input: `${FULL}\nand the\n\n\f\nnext page continues it.`,
    expected: `${FULL} and the next page continues it.`,
  },
  { name: 'bullets become paragraphs', input: `${FULL}:\n• first item\n• second item`, expected: `${FULL}:\n\nfirst item\n\nsecond item` },
];

for (const c of repairs) {
  test(`plain text repair: ${c.name}`, () => {
    assert.equal(cleaned(c.input).text, c.expected);
  });
}

const structures: ReadonlyArray<{ name: string; input: string; sections: string[]; blocks: string[]; paragraphs: number }> = [
  {
    name: 'headings between paragraphs',
    input: `${FULL}\nends here.\n\nMissile and Nuclear Issues\n${FULL}\nends.\nCounter-terrorism\n${FULL}\nends.\n Conclusion\nLast words.`,
    sections: ['Missile and Nuclear Issues', 'Counter-terrorism', 'Conclusion'],
    blocks: [],
    paragraphs: 7,
  },
  {
    name: 'short line continuing a sentence is no heading',
    input: `${FULL}\nand the\nUnited States\nagreed.`,
    sections: [],
    blocks: [],
    paragraphs: 1,
  },
  {
    name: 'table flattened one value per line',
    input: `${FULL}\nin Canada.\nTable 1: Trade (in billions, US $)\n1980\n\n1985\n\nUS Exports\n\n1.5\n\n2.4\nUS Imports\n\n0.5\n\n0.4\nSource: Compiled from figures\n Conclusion\nThe end.`,
    sections: ['Conclusion'],
    blocks: ['Table 1: Trade (in billions, US $)\n1980\n\n1985\n\nUS Exports\n\n1.5\n\n2.4\nUS Imports\n\n0.5\n\n0.4\nSource: Compiled from figures'],
    paragraphs: 3,
  },
  {
    name: 'table without a source line ends at prose',
    input: `Table 3: Visits\n2010\n2011\n2012\nThe number of visits rose in every year of the period that the table covers.`,
    sections: [],
    blocks: ['Table 3: Visits\n2010\n2011\n2012'],
    paragraphs: 1,
  },
  {
    name: 'run of numbers without caption',
    input: `${FULL}\nas follows.\n115\n105\n95\n85\n75\n65\n${FULL}.`,
    sections: [],
    blocks: ['115\n105\n95\n85\n75\n65'],
    paragraphs: 2,
  },
  {
    name: 'a caption with too few values is prose',
    input: `${FULL}\nas follows. Table 1 shows the\nTable 1 shows the visits\nin two years.`,
    sections: [],
    blocks: [],
    paragraphs: 1,
  },
];

for (const c of structures) {
  test(`plain text structure: ${c.name}`, () => {
    const result = cleaned(c.input);
    assert.deepEqual(result.sections, c.sections);
    assert.deepEqual(result.blocks, c.blocks);
    assert.equal(result.paragraphs.length, c.paragraphs, result.paragraphs.join('\n---\n'));
  });
}

const modes: ReadonlyArray<{ name: string; input: string; mode: TextMode; text: string }> = [
  {
    name: 'blank-line paragraphs change only by line joins',
    input: 'Vladimir Putin received\nin the Kremlin the US Secretary of State.\n\nThe talks were about Syria, counter-\nterrorism and the G20 agenda.\nIt was short.\n\nThey will meet again.\n',
    mode: 'blank-lines',
    text: 'Vladimir Putin received in the Kremlin the US Secretary of State.\n\nThe talks were about Syria, counter-terrorism and the G20 agenda. It was short.\n\nThey will meet again.',
  },
  {
    name: 'one paragraph per line',
    input: 'The Ministers met in Geneva and agreed on a framework for the elimination of chemical weapons in Syria, with inspections to begin in November.\nThey also agreed to work together at the UN Security Council.\n',
    mode: 'lines',
    text: 'The Ministers met in Geneva and agreed on a framework for the elimination of chemical weapons in Syria, with inspections to begin in November.\n\nThey also agreed to work together at the UN Security Council.',
  },
  {
    name: 'page numbers reveal extracted text',
    input: `${FULL}\nwent on.\n\nThe talks\n3\ncontinued.\n`,
    mode: 'extracted',
    text: `${FULL} went on.\n\nThe talks continued.`,
  },
  {
    name: 'footnote sequence reveals extracted text',
    input: `${FULL}\nwent on.1\n\nThe talks ended.2\n`,
    mode: 'extracted',
    text: `${FULL} went on.\n\nThe talks ended.`,
  },
  {
    name: 'hard-wrapped text without blank lines is extracted',
    input: `${FULL}\n${FULL}\n${FULL}\nand ended.\n${FULL}\n${FULL}.`,
    mode: 'extracted',
    text: `${FULL} ${FULL} ${FULL} and ended.\n\n${FULL} ${FULL}.`,
  },
];

for (const c of modes) {
  test(`plain text mode: ${c.name}`, () => {
    const result = cleaned(c.input, false);
    assert.equal(result.mode, c.mode);
    assert.equal(result.text, c.text);
  });
}

const gentleHeadings: ReadonlyArray<{ name: string; input: string; sections: string[] }> = [
  { name: 'a line alone between blank lines', input: 'Intro text here.\n\nUri and the September 2016 strikes\n\nOn 18 September militants attacked.\n', sections: ['Uri and the September 2016 strikes'] },
  { name: 'the first line of a wrapped paragraph is not', input: 'Intro text here.\n\nThe conversation between\nMr Putin and Mr Obama was frank.\n', sections: [] },
  { name: 'a speaker label is not', input: 'Intro text here.\n\nPresident of Russia Vladimir Putin:\n\nMr Minister, friends.\n', sections: [] },
];

for (const c of gentleHeadings) {
  test(`plain text headings (blank-line text): ${c.name}`, () => {
    assert.deepEqual(cleaned(c.input, false).sections, c.sections);
  });
}
