#!/usr/bin/env node
/**
 * @file The `paperscope` command: build an index, query it, serve it. Each command parses its
 * flags and calls one function of the pipeline (src/cli/program.ts lists them).
 */
import { createProgram } from './program.js';
import { runCommand } from './run.js';

await runCommand(createProgram(), process.argv);
