import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docFromBytes } from '../../src/ingest/index.ts';

async function htmlDoc(html: string, name = 'page.html') {
  return docFromBytes(new TextEncoder().encode(html), name);
}

const page = (head: string, body: string): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

const LONG = 'The two ministers met in Geneva on Monday, discussed the ceasefire, the delivery of aid, and the talks, and agreed to meet again next week.';

const cases: ReadonlyArray<{ name: string; html: string; paragraphs: string[]; sections?: string[]; title?: string | null; date?: string | null }> = [
  {
    name: 'boilerplate dropped around an article',
    html: page(
      '<title>Site</title><script>var x = "Russia attacked";</script><style>p { color: red }</style>',
      `<header><a href="/">Home</a></header><nav><ul><li>World</li><li>Politics</li></ul></nav>
       <div class="cookie-banner"><p>We use cookies on this site to improve it.</p></div>
       <article><p>${LONG}</p><div class="share-buttons">Share on Facebook</div><p>Second paragraph.</p></article>
       <aside><h3>Related articles</h3><p>China signs a deal with someone else entirely.</p></aside>
       <div class="related-stories"><p>Another story that is related.</p></div>
       <form><label>Subscribe to the newsletter</label><input></form><noscript>Enable JavaScript</noscript>
       <footer><p>Copyright 2016 Example.</p></footer>`,
    ),
    paragraphs: [LONG, 'Second paragraph.'],
  },
  {
    name: 'itemprop=articleBody preferred over the article element',
    html: page('', `<article><h1>Headline here</h1><p class="lede">Teaser text.</p><div itemprop="articleBody"><p>${LONG}</p></div></article>`),
    paragraphs: [LONG],
    title: 'Headline here',
  },
  {
    name: 'main used when there is no article',
    html: page('', `<div class="menu"><p>Menu entry one, menu entry two, menu entry three.</p></div><main><p>${LONG}</p></main>`),
    paragraphs: [LONG],
  },
  {
    name: 'densest block without article or main',
    html: page('', `<div id="top"><p>Short teaser.</p></div><div id="story"><p>${LONG}</p><p>${LONG}</p></div><div id="bottom"><p>Links, more links, other links.</p></div>`),
    paragraphs: [LONG, LONG],
  },
  {
    name: 'entities decoded, whitespace collapsed, inline markup kept as text',
    html: page('', `<article><p>Russia&rsquo;s   <b>foreign</b>\n  minister &amp; the US&nbsp;envoy met &#8212; twice.</p></article>`),
    paragraphs: ['Russia’s foreign minister & the US envoy met — twice.'],
  },
  {
    name: 'headings open sections; li and br break paragraphs',
    html: page('', `<article><h1>Title</h1><p>Intro.</p><h2>Trade</h2><ul><li>First item.</li><li>Second item.</li></ul><p>Line one<br>Line two</p><h3>Security</h3><p>End.</p></article>`),
    paragraphs: ['Title', 'Intro.', 'Trade', 'First item.', 'Second item.', 'Line one', 'Line two', 'Security', 'End.'],
    sections: ['Title', 'Trade', 'Security'],
    title: 'Title',
  },
  {
    name: 'hidden elements dropped',
    html: page('', `<article><p hidden>Hidden text.</p><p style="display: none">Also hidden.</p><p aria-hidden="true">Icon.</p><p>Shown.</p></article>`),
    paragraphs: ['Shown.'],
  },
  {
    name: 'a layout table around prose is walked',
    html: page('', `<table><tr><td><p>${LONG} ${LONG}</p></td></tr></table>`),
    paragraphs: [`${LONG} ${LONG}`],
  },
  {
    name: 'og:title and published time',
    html: page('<title>Page | Site</title><meta property="og:title" content="The real headline"><meta property="article:published_time" content="2016-12-29T18:00:00Z">', `<article><h1>Other</h1><p>Text.</p></article>`),
    paragraphs: ['Other', 'Text.'],
    title: 'The real headline',
    date: '2016-12-29',
  },
  {
    name: 'time datetime in the article, title element as a last resort',
    html: page('<title>Only the title</title>', `<nav><time datetime="2020-01-01">today</time></nav><article><p>Posted <time datetime="2013-07-15T09:00">15 July</time>.</p></article>`),
    paragraphs: ['Posted 15 July.'],
    title: 'Only the title',
    date: '2013-07-15',
  },
  {
    name: 'date meta',
    html: page('<meta name="date" content="2015-09-25">', '<p>Text of the page that is long enough, with commas, to be the body.</p>'),
    paragraphs: ['Text of the page that is long enough, with commas, to be the body.'],
    date: '2015-09-25',
  },
];

for (const c of cases) {
  test(`html: ${c.name}`, async () => {
    const doc = await htmlDoc(c.html);
    assert.equal(doc.format, 'html');
    assert.deepEqual(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end)), c.paragraphs);
    if (c.sections) assert.deepEqual(doc.sections.map((s) => s.title), c.sections);
    if (c.title !== undefined) assert.equal(doc.meta.title, c.title);
    if (c.date !== undefined) assert.equal(doc.meta.date, c.date);
  });
}

test('html: a data table becomes a block pointing at its <table> element', async () => {
  const table = '<table><caption>Trade</caption><tr><th>Year</th><th>Exports</th></tr><tr><td>2012</td><td>10.7</td></tr></table>';
  const doc = await htmlDoc(page('', `<article><p>Before the table.</p>${table}<p>After the table.</p></article>`));
  assert.equal(doc.text, 'Before the table.\n\nAfter the table.');
  assert.equal(doc.blocks.length, 1);
  const block = doc.blocks[0];
  assert.ok(block);
  assert.equal(doc.original.slice(block.original.start, block.original.end), table);
  assert.equal(block.text, 'Year\tExports\n2012\t10.7');
});

test('html: offsets point into the markup', async () => {
  const doc = await htmlDoc(page('', '<article><p>Moscow and <i>Washington</i> agreed.</p></article>'));
  const start = doc.text.indexOf('Washington');
  const segment = doc.offsets.find((s) => s.clean <= start && start < s.clean + s.length);
  assert.ok(segment);
  assert.equal(doc.original.slice(segment.original + start - segment.clean, segment.original + start - segment.clean + 10), 'Washington');
});

test('html: sniffed from content without an extension, and from an unknown web extension', async () => {
  const html = page('<title>T</title>', '<p>Body text.</p>');
  assert.equal((await htmlDoc(html, 'saved-page')).format, 'html');
  assert.equal((await htmlDoc(html, 'article.aspx')).format, 'html');
});
