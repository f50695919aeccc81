/**
 * @file The `paperscope` command line as a value: `createProgram()` builds every command, so
 * the entry point (main.ts) and tests run the same program without touching process.argv.
 */
import { Command } from 'commander';
import { addAddCommand } from './addCommand.js';
import { addExportCommand } from './exportCommand.js';
import { addIndexCommands } from './indexCommands.js';
import { addMissingCommand } from './missingCommand.js';
import { addQueryCommands } from './queryCommands.js';
import { addToolCommands } from './toolCommands.js';

/** A fresh `paperscope` program with all its commands; parse it with runCommand (src/cli/run.ts). */
export function createProgram(): Command {
  const program = new Command('paperscope')
    .description('A local, offline-first semantic explorer for research papers.')
    .showHelpAfterError();
  addIndexCommands(program);
  addAddCommand(program);
  addQueryCommands(program);
  addMissingCommand(program);
  addToolCommands(program);
  addExportCommand(program);
  return program;
}
