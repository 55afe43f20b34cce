import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.ts';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** How to get Chromium, for the error when it is missing. */
export const CHROMIUM_HELP =
  'PDF output prints the HTML brief with headless Chromium, which was not found: install it (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`; macOS: `brew install --cask chromium`) or set DETENTE_CHROMIUM to its path; `--format html` needs nothing';

/** The Chromium to print with: `DETENTE_CHROMIUM`, else the first Chromium or Chrome on the PATH; `null` if none. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.DETENTE_CHROMIUM;
  if (given != null && given !== '') return isExecutable(given) ? given : null;
  for (const dir of (env.PATH ?? '').split(delimiter).filter((d) => d !== '')) {
    for (const name of CANDIDATES) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return null;
}

/**
 * Prints a self-contained HTML page to PDF with headless Chromium (A4, no
 * header or footer, page breaks from the page's print CSS). The page loads
 * nothing from the network: Chromium runs with networking features off.
 */
export async function pdfFromHtml(html: string, options: { readonly chromium?: string | null } = {}): Promise<Uint8Array> {
  const chromium = options.chromium ?? chromiumPath();
  if (chromium == null) throw new ConfigError('--format pdf', CHROMIUM_HELP);
  const dir = await mkdtemp(join(tmpdir(), 'detente-pdf-'));
  try {
    const page = join(dir, 'brief.html');
    const out = join(dir, 'brief.pdf');
    await writeFile(page, html, 'utf8');
    const args = [
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    // Chromium refuses to run its sandbox as root (containers, CI).
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error) reject(new ConfigError('--format pdf', `Chromium (${chromium}) failed to print: ${(stderr || error.message).trim().split('\n').pop() ?? error.message}`));
        else resolve();
      });
    });
    const bytes = await readFile(out).catch(() => null);
    if (bytes == null || bytes.length === 0) throw new ConfigError('--format pdf', `Chromium (${chromium}) wrote no PDF`);
    return new Uint8Array(bytes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
