import type { Command } from 'commander';

/** Every CLI command registers itself on the program; add new commands here. */
export const commands: ReadonlyArray<(program: Command) => void> = [];
