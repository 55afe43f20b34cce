import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { silentProgress } from '../../src/progress.ts';
import { addDocumentToStore } from '../../src/server/add-document.ts';
import { EXAMPLE_CORPUS, ingestMissingDocuments } from '../../src/server/example-corpus.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { ledgerOfStore } from '../../src/server/store-ledger.ts';
import { ensureWebBuilt } from '../../src/server/web-build.ts';
import { documents, openStore, type Store } from '../../src/store/index.ts';
import { needsChromium } from '../chromium.ts';
import { controlsNotReachedByTab, errorsOf, launchChromium, openView, screenshot } from './browser.ts';

let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];
let corpusDocuments = 0;

before(async () => {
  if (needsChromium) return;
  const webRoot = await ensureWebBuilt();
  store = await openStore(':memory:');
  const ingested = await ingestMissingDocuments(store, EXAMPLE_CORPUS, silentProgress);
  assert.deepEqual(ingested.failures, []);
  corpusDocuments = ingested.added;
  server = await startServer({ ledger: ledgerOfStore(store, addDocumentToStore), host: '127.0.0.1', port: 0, webRoot });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  errors = errorsOf(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
});

describe('the example corpus in the dashboard', { skip: needsChromium }, () => {
  test('the overview loads with the busiest dyad and its charts', async () => {
    assert.ok(corpusDocuments >= 5);
    await page.goto(server.url);
    await page.waitForSelector('.chart canvas');
    const options = await page.$$eval('#dyad option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    assert.ok(options.length > 1, 'several dyads to pick from');
    assert.equal(await page.inputValue('#dyad'), options[0]);
    await screenshot(page, 'corpus-overview');
  });

  test('pick a dyad, click a matrix cell, the table filters, click an event, its sentence shows', async () => {
    await page.selectOption('#dyad', 'RUS-USA');
    await page.waitForFunction(() => document.querySelector('#overview-title')?.textContent === 'Overview: RUS – USA');
    await page.click('a[data-view=matrix]');
    await page.waitForSelector('table.matrix tbody tr');
    await screenshot(page, 'corpus-matrix');
    const cell = page.locator('table.matrix button.cell:not([disabled])').first();
    const count = Number(await cell.textContent());
    const key = await cell.getAttribute('data-key');
    const side = await cell.getAttribute('data-side');
    assert.ok(count > 0);
    await cell.click();
    await page.waitForSelector('table.events tbody tr');
    assert.equal(await page.inputValue('select[name=context]'), key);
    assert.equal(await page.inputValue('select[name=polarity]'), side);
    assert.match((await page.textContent('.summary')) ?? '', new RegExp(`^${count} ${count === 1 ? 'event matches' : 'events match'}`));
    const rows = await page.locator('table.events tbody tr').count();
    assert.equal(rows, Math.min(count, 50));
    await screenshot(page, 'corpus-events');
    const link = page.locator('table.events tbody tr button.evidence-link').first();
    const excerpt = ((await link.textContent()) ?? '').replace(/…$/, '');
    await link.click();
    await page.waitForSelector('#evidence mark.sentence');
    assert.ok(((await page.textContent('#evidence mark.sentence')) ?? '').startsWith(excerpt));
    assert.notEqual(await page.textContent('#evidence code.rule'), '');
    await screenshot(page, 'corpus-evidence');
  });

  test('a pasted document is coded and stored with visible progress', async () => {
    await page.click('a[data-view=documents]');
    await page.waitForSelector('table.documents tbody tr');
    await page.fill('textarea', 'On 3 March 2015 the United States and Russia signed an agreement on Arctic research. Russia accused the United States of meddling in Ukraine.');
    await page.fill('#' + (await page.getAttribute('label:text("Name for pasted text")', 'for')), 'pasted-note.txt');
    await page.click('button:text("Add and code")');
    await page.waitForSelector('.job-status.done', { timeout: 60_000 });
    assert.match((await page.textContent('.job-status')) ?? '', /^Added pasted-note\.txt: \d+ events coded\./);
    await page.waitForFunction((n) => document.querySelectorAll('table.documents tbody tr').length === n, corpusDocuments + 1);
    assert.equal((await documents(store)).length, corpusDocuments + 1);
    await screenshot(page, 'corpus-added');
  });

  test('an uploaded file is coded and stored, and an upload of the same file adds nothing', async () => {
    const file = { name: 'upload.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ndate: 2014-05-20\n---\n# Gas deal\n\nRussia and China signed a thirty-year gas supply agreement in Shanghai.\n') };
    await page.setInputFiles('input[type=file]', file);
    await page.click('button:text("Add and code")');
    await page.waitForSelector('.job-status.done', { timeout: 60_000 });
    assert.match((await page.textContent('.job-status')) ?? '', /^Added upload\.md: \d+ events coded\./);
    assert.equal((await documents(store)).length, corpusDocuments + 2);
    await page.setInputFiles('input[type=file]', file);
    await page.click('button:text("Add and code")');
    await page.waitForFunction(() => /already in the ledger/.test(document.querySelector('.job-status.done')?.textContent ?? ''), undefined, { timeout: 60_000 });
    assert.equal((await documents(store)).length, corpusDocuments + 2);
  });

  test('every control is reachable by keyboard', async () => {
    for (const view of ['overview', 'matrix', 'events', 'documents', 'third-parties']) {
      await openView(page, view);
      assert.deepEqual(await controlsNotReachedByTab(page), [], view);
    }
  });

  test('no console errors', () => {
    assert.deepEqual(errors, []);
  });
});
