import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ConfigError } from '../../src/errors.ts';
import { briefExtrasFromStore } from '../../src/report/brief-formats.ts';
import { dyadReportFromStore } from '../../src/report/dyad-report.ts';
import { htmlBriefOf } from '../../src/report/html-brief.ts';
import { chromiumPath, pdfFromHtml } from '../../src/report/pdf.ts';
import { dyadQueryOf } from '../../src/server/store-ledger.ts';
import type { Store } from '../../src/store/index.ts';
import { fixtureStore } from '../server/fixtures.ts';
import { CHROMIUM, SCREENSHOTS } from '../web/browser.ts';

let store: Store;
let html: string;

before(async () => {
  store = await fixtureStore();
  const report = await dyadReportFromStore(store, dyadQueryOf('RUS-USA'), { granularity: 'quarter' });
  const extras = await briefExtrasFromStore(store, report, '2026-11-27');
  html = htmlBriefOf({ report, ...extras });
});

after(async () => {
  await store.close();
});

/** The text of each page of a PDF. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ').trim());
  }
  await pdf.destroy();
  return pages;
}

describe('chromiumPath', () => {
  test('finds nothing on an empty PATH', () => assert.equal(chromiumPath({ PATH: '' }), null));
  test('refuses a DETENTE_CHROMIUM that is not executable', () => assert.equal(chromiumPath({ DETENTE_CHROMIUM: '/nonexistent/chromium', PATH: '/usr/bin' }), null));
  test('takes the PATH otherwise', { skip: !existsSync(CHROMIUM) && 'Chromium is not installed' }, () => assert.equal(chromiumPath({ PATH: '/nonexistent:/usr/bin' }), CHROMIUM));
});

describe('pdfFromHtml', () => {
  test('without Chromium it says how to install it', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '';
    try {
      await assert.rejects(pdfFromHtml(html), (e: unknown) => e instanceof ConfigError && /apt-get install chromium/.test(e.message) && /DETENTE_CHROMIUM/.test(e.message));
    } finally {
      process.env.PATH = saved;
    }
  });

  test('prints one page per section, each starting with its heading', { skip: !existsSync(CHROMIUM) && 'Chromium is not installed' }, async () => {
    const bytes = await pdfFromHtml(html, { chromium: CHROMIUM });
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, '..', 'brief.pdf'), bytes);
    const pages = await pageTexts(bytes);
    const headings = ['RUS – USA: relations brief', 'The relationship over time', 'Military', 'Human rights', 'Terrorism', 'CBRN (chemical, biological, radiological, nuclear)', 'Theaters and third parties', 'Figures', 'Sources and method'];
    assert.equal(pages.length, headings.length, pages.map((p) => p.slice(0, 40)).join(' | '));
    headings.forEach((heading, i) => assert.ok(pages[i]?.startsWith(heading), `page ${i + 1} starts "${pages[i]?.slice(0, 40)}", not "${heading}"`));
    assert.match(pages[2] ?? '', /Russia helped the US supply its troops in Afghanistan/);
  });
});
