import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { DyadReport } from '../../src/analysis/types.ts';
import { briefExtrasFromStore } from '../../src/report/brief-formats.ts';
import { dyadReportFromStore } from '../../src/report/dyad-report.ts';
import { escapeHtml, htmlBriefOf, type BriefSource } from '../../src/report/html-brief.ts';
import { dyadQueryOf } from '../../src/server/store-ledger.ts';
import type { Store } from '../../src/store/index.ts';
import type { Series } from '../../src/types.ts';
import { fixtureStore } from '../server/fixtures.ts';
import { needsChromium } from '../chromium.ts';
import { errorsOf, launchChromium, SCREENSHOTS } from '../web/browser.ts';

let store: Store;
let report: DyadReport;
let sources: readonly BriefSource[];
let html: string;

const FIGURES: readonly Series[] = [
  { id: 'trade', name: 'US exports to Russia', unit: 'billion USD', docId: null, points: [{ period: '2010', value: 6 }, { period: '2011', value: 8.3 }, { period: '2012', value: 10.7 }] },
];

before(async () => {
  store = await fixtureStore();
  report = await dyadReportFromStore(store, dyadQueryOf('RUS-USA'), { granularity: 'quarter' });
  sources = (await briefExtrasFromStore(store, report, '2026-11-27')).sources;
  html = htmlBriefOf({ report, sources, figures: FIGURES, generated: '2026-11-27' });
});

after(async () => {
  await store.close();
});

describe('escapeHtml', () => {
  const cases: readonly [string, string][] = [
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
  ];
  for (const [input, output] of cases) test(input, () => assert.equal(escapeHtml(input), output));
});

describe('the HTML brief', () => {
  test('is one self-contained page: no scripts, nothing fetched, charts inline', () => {
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\/(?!example\.org)/);
    assert.doesNotMatch(html, /<link\b/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.ok((html.match(/<svg\b/g) ?? []).length >= 3, 'index, quads and figures charts');
  });

  test('has a summary, the index, one section per context with a verdict, figures and sources', () => {
    const headings = [...html.matchAll(/<h2>([^<]*)/g)].map((m) => m[1]?.trim());
    assert.deepEqual(headings, ['Summary', 'The relationship over time', 'Military', 'Human rights', 'Terrorism', 'CBRN (chemical, biological, radiological, nuclear)', 'Theaters and third parties', 'Figures', 'Sources and method']);
    assert.match(html, /Cooperative on: <strong>terrorism<\/strong>/);
    assert.match(html, /Conflictual on: <strong>human rights, CBRN \(by the text\)<\/strong>/);
    // CBRN's one cooperative event is too few to call; the text's own assessment decides, quoted in its section.
    assert.match(html, /<h2>CBRN \(chemical, biological, radiological, nuclear\) <span class="verdict conflictual">conflictual<\/span> <span class="basis"/);
    assert.match(html, /<h3>What the text says of how they stand<\/h3><p class="muted">Assessments, not events[^<]*<\/p><ul class="quotes"><li class="conf"><q>Arms control remains an issue of deep differences between Washington and Moscow\.<\/q>/);
    assert.match(html, /Contradictory \(both at once\) on: <strong>military<\/strong>/);
    assert.match(html, /cooperating over AFG; at odds over SYR/);
  });

  test('cites each quoted sentence to its document', () => {
    assert.match(html, /<q>Russia shared intelligence with the FBI about the bombers\.<\/q> <span class="meta">RUS → USA, COOPERATE, 2013-04 <a class="cite" href="#source-1">\[1\]<\/a>/);
    assert.match(html, /<li id="source-1"><cite>A note on US-Russia relations<\/cite>, 2013-07-15 \(note\.txt\)\. <a href="https:\/\/example\.org\/note">/);
  });

  test('escapes text from the documents', () => {
    const hostile = htmlBriefOf({ report, sources: sources.map((s) => ({ ...s, title: '<img src=x onerror=alert(1)>' })), figures: [], generated: '2026-11-27' });
    assert.doesNotMatch(hostile, /<img src=x/);
    assert.match(hostile, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  test('says so when there are no figures', () => {
    const plain = htmlBriefOf({ report, sources, figures: [], generated: '2026-11-27' });
    assert.match(plain, /<section id="figures"><h2>Figures<\/h2><p>No tables or numeric facts/);
  });

  test('opens in Chromium with no network and renders its charts', { skip: needsChromium }, async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, '..', 'brief.html');
    writeFileSync(file, html);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      const errors = errorsOf(page);
      await page.goto(pathToFileURL(file).href);
      const boxes = await page.$$eval('figure svg', (svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => ({ w: Math.round(r.width), h: Math.round(r.height) })));
      assert.ok(boxes.length >= 3);
      for (const box of boxes) assert.ok(box.w > 300 && box.h > 150, JSON.stringify(box));
      const drawn = await page.$$eval('figure svg path', (paths) => paths.length);
      assert.ok(drawn > 20, `${drawn} paths drawn`);
      await page.screenshot({ path: join(SCREENSHOTS, 'brief.png'), fullPage: true });
      assert.deepEqual(requests, []);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
