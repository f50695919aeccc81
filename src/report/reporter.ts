/**
 * @file Where long work reports what it does: the CLI prints it (src/report/console.ts),
 * tests and benchmarks collect or drop it.
 */

export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  /** Progress of a long stage; `total` is fixed for the stage. */
  progress(stage: string, done: number, total: number): void;
}

export const silentReporter: Reporter = { info() {}, warn() {}, progress() {} };
