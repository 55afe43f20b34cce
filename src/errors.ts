/**
 * Typed errors. The CLI maps each to a one-line message and an exit code;
 * nothing prints a stack trace unless `--debug`.
 */

/** Something wrong with what the user gave us: a path, a file's content, a flag. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The file (or URL, or flag) at fault. */
  readonly where: string;
  constructor(where: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.where = where;
  }
}

/** A file that is readable but not in the format it claims (a bad row, a broken PDF). */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  readonly where: string;
  /** 1-based line (or page) where the problem is, when known. */
  readonly line: number | null;
  constructor(where: string, message: string, line: number | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.where = where;
    this.line = line;
  }
}

/** The database could not do what was asked. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A dictionary, configuration or flag that fails validation before any work starts. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly where: string;
  constructor(where: string, message: string) {
    super(message);
    this.where = where;
  }
}

/** One line saying what went wrong and where, for the CLI. */
export function oneLine(error: unknown): string {
  if (error instanceof FormatError) {
    return `${error.where}${error.line != null ? `:${error.line}` : ''}: ${error.message}`;
  }
  if (error instanceof InputError || error instanceof ConfigError) return `${error.where}: ${error.message}`;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

/** Exit codes: 2 bad input or flags, 3 bad format, 4 store failure, 1 anything else. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof InputError || error instanceof ConfigError) return 2;
  if (error instanceof FormatError) return 3;
  if (error instanceof StoreError) return 4;
  return 1;
}
