import type { Command } from 'commander';
import { registerCode } from './code.ts';
import { registerExplain } from './explain.ts';
import { registerExport } from './export.ts';
import { registerFacts } from './facts.ts';
import { registerImport } from './import.ts';
import { registerIngest } from './ingest.ts';
import { registerReport } from './report.ts';
import { registerServe } from './serve.ts';
import { registerStart } from './start.ts';
import { registerTables } from './tables.ts';

/** Every CLI command registers itself on the program; add new commands here. */
export const commands: ReadonlyArray<(program: Command) => void> = [
  registerCode,
  registerExplain,
  registerExport,
  registerFacts,
  registerImport,
  registerIngest,
  registerReport,
  registerServe,
  registerStart,
  registerTables,
];
