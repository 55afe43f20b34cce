import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { ledgerOfStore } from '../../src/server/store-ledger.ts';
import { addDocumentToStore } from '../../src/server/add-document.ts';
import { ensureWebBuilt } from '../../src/server/web-build.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, fixtureStore } from '../server/fixtures.ts';
import { needsChromium } from '../chromium.ts';
import { controlsNotReachedByTab, errorsOf, launchChromium, openView, screenshot } from './browser.ts';

let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

before(async () => {
  if (needsChromium) return;
  const webRoot = await ensureWebBuilt();
  store = await fixtureStore();
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

async function verdicts(): Promise<Record<string, string>> {
  await page.waitForSelector('table.matrix tbody tr');
  return page.$$eval('table.matrix tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-key') ?? '', r.getAttribute('data-verdict') ?? ''])));
}

describe('dashboard in Chromium', { skip: needsChromium }, () => {
  test('the overview loads with its charts', async () => {
    await page.goto(server.url);
    await page.waitForSelector('.chart canvas');
    assert.equal(await page.textContent('#overview-title'), 'Overview: RUS – USA');
    assert.equal(await page.locator('.chart canvas').count() >= 2, true);
    assert.match((await page.textContent('dl.totals')) ?? '', /Events10/);
    // A tooltip must not need inline styles the content security policy forbids.
    await page.hover('.chart canvas', { position: { x: 400, y: 120 } });
    await page.waitForTimeout(300);
    await screenshot(page, 'overview');
  });

  test('picking a dyad shows that dyad', async () => {
    const options = await page.$$eval('#dyad option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    assert.deepEqual(options, ['RUS-USA', 'CHN-USA']);
    await page.selectOption('#dyad', 'CHN-USA');
    await page.waitForFunction(() => document.querySelector('#overview-title')?.textContent === 'Overview: CHN – USA');
    assert.match((await page.textContent('dl.totals')) ?? '', /Events2/);
    await page.selectOption('#dyad', 'RUS-USA');
    await page.waitForFunction(() => document.querySelector('#overview-title')?.textContent === 'Overview: RUS – USA');
  });

  test('the matrix shows the picture: cooperative, conflictual and contradictory rows', async () => {
    await page.click('a[data-view=matrix]');
    assert.deepEqual(await verdicts(), {
      military: 'contradictory',
      diplomatic: 'thin',
      human_rights: 'conflictual',
      terrorism: 'cooperative',
      cbrn: 'conflictual',
      intelligence: 'thin',
    });
    // cbrn has one cooperative event, too few to call: the text's own assessment decides, and says so.
    assert.equal(await page.getAttribute('tr[data-key=cbrn]', 'data-basis'), 'assessments');
    await page.click('tr[data-key=cbrn] td.said summary');
    assert.match((await page.textContent('tr[data-key=cbrn] td.said li.discord')) ?? '', /Arms control remains an issue of deep differences between Washington and Moscow\..*deep differences: discord; note\.txt, sentence 11/);
    await screenshot(page, 'matrix-contexts');
    await page.click('button:text("Theaters")');
    await page.waitForSelector('table.matrix tbody tr[data-key=AFG]');
    const byTheater = await verdicts();
    assert.equal(byTheater.AFG, 'cooperative');
    assert.equal(byTheater.SYR, 'conflictual');
    await screenshot(page, 'matrix-theaters');
    await page.click('button:text("Contexts")');
    await page.waitForSelector('table.matrix tbody tr[data-key=terrorism]');
  });

  test('a matrix cell filters the events table, and an event opens its sentence', async () => {
    await page.click('tr[data-key=human_rights] button.cell.conflict');
    await page.waitForSelector('table.events tbody tr');
    assert.equal(await page.inputValue('select[name=context]'), 'human_rights');
    assert.equal(await page.inputValue('select[name=polarity]'), 'conflict');
    assert.match((await page.textContent('.summary')) ?? '', /^2 events match/);
    const contexts = await page.$$eval('table.events tbody tr td:nth-child(6)', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(contexts, ['human rights', 'human rights']);
    await screenshot(page, 'events-filtered');

    await page.selectOption('select[name=direction]', 'ba');
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('1 event matches'));
    const row = page.locator('table.events tbody tr').first();
    assert.equal(await row.locator('td').nth(1).textContent(), 'USA GOV');
    const sentence = await row.locator('button.evidence-link').textContent();
    await row.locator('button.evidence-link').click();
    await page.waitForSelector('#evidence mark.sentence');
    assert.equal(await page.textContent('#evidence mark.sentence'), sentence);
    assert.equal(sentence, 'Washington criticised Moscow over the treatment of activists.');
    assert.match((await page.textContent('#evidence blockquote')) ?? '', /Moscow accused Washington of meddling/);
    assert.equal(await page.textContent('#evidence strong.trigger'), 'criticised');
    assert.equal(await page.textContent('#evidence code.rule'), 'fixture:accuse');
    assert.match((await page.textContent('#evidence .evidence-meta')) ?? '', /A note on US-Russia relations.*2013-07-15.*https:\/\/example\.org\/note/s);
    await screenshot(page, 'evidence');
  });

  test('a date filter narrows the table and a bad date is explained', async () => {
    await page.click('button:text("Clear filters")');
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('10 events match'));
    await page.fill('input[name=from]', '2013');
    await page.press('input[name=from]', 'Enter');
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('5 events match'));
    await page.fill('input[name=to]', '2013-13');
    await page.press('input[name=to]', 'Tab');
    await page.waitForSelector('.field-error:not([hidden])');
    assert.match((await page.textContent('.field-error')) ?? '', /YYYY-MM-DD/);
  });

  test('sorting by a column reorders the table', async () => {
    await page.click('button:text("Clear filters")');
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('10 events match'));
    await page.click('th button.sort:has-text("Intensity")');
    await page.waitForSelector('th[aria-sort=ascending] button:has-text("Intensity")');
    const first = await page.locator('table.events tbody tr td.num').first().textContent();
    assert.equal(first, '-3.5');
  });

  test('keyboard navigation reaches every control of every view', async () => {
    for (const view of ['overview', 'matrix', 'events', 'documents', 'third-parties']) {
      await openView(page, view);
      const missed = await controlsNotReachedByTab(page);
      assert.deepEqual(missed, [], `${view}: not reachable by Tab`);
    }
    await page.focus('a[data-view=overview]');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    assert.notEqual(outline, 'none');
  });

  test('the documents view lists the documents and third parties list the theaters', async () => {
    await page.click('a[data-view=documents]');
    await page.waitForSelector('table.documents tbody tr');
    assert.equal(await page.locator('table.documents tbody tr').count(), 2);
    await screenshot(page, 'documents');
    await page.click('a[data-view=third-parties]');
    await page.waitForSelector('table.third-parties tbody tr');
    const actors = await page.$$eval('table.third-parties tbody tr', (rows) => rows.map((r) => r.getAttribute('data-actor')));
    assert.deepEqual(actors.sort(), ['AFG', 'SYR']);
    await screenshot(page, 'third-parties');
  });

  test('no console errors, failed requests or policy violations', () => {
    assert.deepEqual(errors, []);
  });
});

describe('empty and error states', { skip: needsChromium }, () => {
  test('an empty ledger says what to do next', async () => {
    const empty = await emptyStore();
    const emptyServer = await startServer({ ledger: ledgerOfStore(empty, addDocumentToStore), host: '127.0.0.1', port: 0, webRoot: await ensureWebBuilt() });
    const other = await browser.newPage();
    try {
      const pageErrors = errorsOf(other);
      await other.goto(emptyServer.url);
      await other.waitForSelector('main .status.empty');
      assert.match((await other.textContent('main .status.empty')) ?? '', /The ledger is empty\..*Add a document on the Documents tab/s);
      assert.equal(await other.isDisabled('#dyad'), true);
      await screenshot(other, 'empty-ledger');
      await other.click('main button:text("Add a document")');
      await other.waitForSelector('form.add-doc textarea');
      // The list loads after the form shows; wait for it to leave its loading state.
      await other.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Loading documents'));
      assert.match((await other.textContent('main')) ?? '', /No documents yet\./);
      assert.deepEqual(pageErrors, []);
    } finally {
      await other.close();
      await emptyServer.close();
      await empty.close();
    }
  });

  test('a server that stopped answering is explained, with a way to retry', async () => {
    const doomed = await startServer({ ledger: ledgerOfStore(store, addDocumentToStore), host: '127.0.0.1', port: 0, webRoot: await ensureWebBuilt() });
    const other = await browser.newPage();
    try {
      await other.goto(doomed.url);
      await other.waitForSelector('.chart canvas');
      await doomed.close();
      await other.click('a[data-view=matrix]');
      await other.waitForSelector('main .status.error');
      const text = (await other.textContent('main .status.error')) ?? '';
      assert.match(text, /Could not load the matrix: the server did not answer/);
      assert.match(text, /Check that `detente serve` \(or `npm start`\) is still running, then try again\./);
      assert.equal(await other.isVisible('main .status.error button:text("Try again")'), true);
      await screenshot(other, 'server-gone');
    } finally {
      await other.close();
    }
  });
});
