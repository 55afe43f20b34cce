import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file the server may send, already read into memory. */
export interface StaticFile {
  readonly body: Uint8Array;
  readonly type: string;
  /** Vite's hashed assets never change under the same name. */
  readonly immutable: boolean;
}

/**
 * Every servable file under `root`, keyed by its URL path. Requests are looked
 * up in this table and never turned into file system paths, so no path
 * (`..`, encoded dots, symlinks) can reach anything outside it.
 */
export function staticFilesFrom(root: string): ReadonlyMap<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const type = TYPES[extname(entry.name).toLowerCase()];
        if (type == null) continue;
        const urlPath = `/${relative(root, full).split(sep).join('/')}`;
        files.set(urlPath, { body: readFileSync(full), type, immutable: urlPath.startsWith('/assets/') });
      }
    }
  };
  if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root);
  const index = files.get('/index.html');
  if (index != null) files.set('/', index);
  return files;
}
