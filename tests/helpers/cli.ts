/**
 * @file Runs `paperscope <args>` in-process as a user runs it: the program of src/cli/program.ts
 * parses the arguments through the same runCommand as the real entry point; stdout and stderr
 * are captured.
 */
import { vi } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { runCommand } from '../../src/cli/run.js';

/** What one run printed and its exit code. */
export async function paperscope(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const chunks: string[] = [];
  const errors: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => Boolean(chunks.push(String(chunk))));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => Boolean(errors.push(String(chunk))));
  process.exitCode = 0;
  try {
    await runCommand(createProgram(), ['node', 'paperscope', ...args]);
    return { stdout: chunks.join(''), stderr: errors.join(''), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = 0;
    vi.restoreAllMocks();
  }
}
