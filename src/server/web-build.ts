import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { build as ViteBuild } from 'vite';
import { ConfigError } from '../errors.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the built web app lives (git-ignored; built on demand). */
export const WEB_DIST = join(ROOT, 'web', 'dist');

/** Sources the bundle is made from: the app, its config, and the shared types and chart options. */
const SOURCES = [
  join(ROOT, 'web', 'src'),
  join(ROOT, 'web', 'index.html'),
  join(ROOT, 'web', 'vite.config.ts'),
  join(ROOT, 'src', 'server', 'api-types.ts'),
  join(ROOT, 'src', 'report', 'charts.ts'),
  join(ROOT, 'src', 'types.ts'),
];

function newestChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat == null) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Why the bundle must be (re)built, or `null` when it is up to date. */
export function webBuildNeed(dist: string = WEB_DIST): string | null {
  const built = statSync(join(dist, 'index.html'), { throwIfNoEntry: false });
  if (built == null) return 'the web app has not been built';
  const newest = Math.max(...SOURCES.map(newestChange));
  return newest > built.mtimeMs ? 'the web app sources changed since the last build' : null;
}

/**
 * Builds `web/dist` with Vite when it is missing or older than its sources;
 * `say` reports what happens. Vite is a development dependency: an install
 * without it must ship a built `web/dist`.
 */
export async function ensureWebBuilt(say: (line: string) => void = () => {}): Promise<string> {
  const need = webBuildNeed();
  if (need == null) return WEB_DIST;
  let build: typeof ViteBuild;
  try {
    ({ build } = await import('vite'));
  } catch {
    throw new ConfigError('web/dist', `${need} and Vite is not installed; run \`npm ci\` (with dev dependencies) first`);
  }
  say(`Building the web app (${need})…`);
  await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
  return WEB_DIST;
}
