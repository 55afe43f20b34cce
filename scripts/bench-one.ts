// Runs one benchmark of bench/ (its exported bench* function) and prints its figures as one JSON line.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('usage: bench-one <name>');
  process.exit(2);
}
const mod = (await import(pathToFileURL(join(import.meta.dirname, '..', 'bench', `${name}.ts`)).href)) as Record<string, unknown>;
const fn = Object.entries(mod).find(([k, v]) => k.startsWith('bench') && typeof v === 'function')?.[1] as (() => Promise<unknown>) | undefined;
if (!fn) {
  console.error(`bench/${name}.ts exports no bench* function`);
  process.exit(2);
}
const figures = await fn();
console.log(JSON.stringify(figures));
