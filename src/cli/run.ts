/**
 * @file Runs a commander program and turns any failure into one readable line
 * on stderr and exit code 1: the messages are written for users, so no stack
 * traces unless PAPERSCOPE_DEBUG is set.
 */
import type { Command } from 'commander';

export async function runCommand(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    process.stderr.write(`paperscope: ${error.message}\n`);
    if (process.env.PAPERSCOPE_DEBUG) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}
