import { Command, CommanderError } from 'commander';
import { exitCodeOf, oneLine } from '../errors.ts';
import { commands } from './commands.ts';

/** Builds the `detente` command line; each command lives in its own file under `src/cli/`. */
export function programFromCommands(): Command {
  const program = new Command('detente')
    .description('Bilateral relations monitor: code documents into evidence-linked events, store, analyse, report.')
    .option('--debug', 'print stack traces on errors')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  const program = programFromCommands();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const debug = argv.includes('--debug');
    process.stderr.write(`detente: ${oneLine(error)}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return exitCodeOf(error);
  }
}

// A reader that stops early (`detente code … | head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv);
