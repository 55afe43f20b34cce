import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, as CI installs it (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Launch flags measured to work headless in containers and CI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Collects console errors, page errors and failed requests of a page, for a "no errors" check. */
export function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('requestfailed', (r) => {
    // The app cancels a request that a newer one supersedes; that is not a failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Presses Tab through the page and returns the controls never reached: every
 * visible, enabled link, button, field and tabbable element must be.
 */
export async function controlsNotReachedByTab(page: Page): Promise<string[]> {
  const count = await page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
      (el) => el.getClientRects().length > 0 && !(el as HTMLButtonElement).disabled && getComputedStyle(el).visibility !== 'hidden',
    );
    controls.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.length;
  });
  const reached = new Set<string>();
  for (let i = 0; i < count + 3; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kbd') ?? null);
    if (id != null) reached.add(id);
  }
  return page.evaluate((seen) => {
    return [...document.querySelectorAll<HTMLElement>('[data-kbd]')]
      .filter((el) => !seen.includes(el.getAttribute('data-kbd') ?? ''))
      .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`);
  }, [...reached]);
}

/** Clicks a view's tab and waits until that view has finished loading. */
export async function openView(page: Page, view: string): Promise<void> {
  await page.click(`a[data-view=${view}]`);
  await page.waitForFunction(
    (v) =>
      document.querySelector(`a[data-view=${v}]`)?.getAttribute('aria-current') === 'page' &&
      document.querySelector('main [aria-busy]') == null &&
      document.querySelector('main .loading') == null,
    view,
  );
}
