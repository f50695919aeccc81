/**
 * @file The console Reporter for long CLI work: a progress bar with rate and ETA
 * on a terminal, plain progress lines (at most every few seconds) otherwise.
 */
import cliProgress from 'cli-progress';
import type { Reporter } from './reporter.js';

const PLAIN_INTERVAL_MS = 5000;

/** No rate is shown before this much of a stage has been seen: a rate over a few milliseconds is noise. */
const MIN_RATE_WINDOW_MS = 1000;

interface StageState {
  stage: string;
  /** When the stage was first reported, and how much was done then (work before it is not in the rate). */
  start: number;
  startDone: number;
  lastPrint: number;
  bar?: cliProgress.SingleBar;
}

/** "12.3/s, ETA 40s" over the work seen so far in this stage; "" until there is enough to measure. */
export function rateAndEta(state: Pick<StageState, 'start' | 'startDone'>, done: number, total: number, now = performance.now()): string {
  const ms = now - state.start;
  if (ms < MIN_RATE_WINDOW_MS || done <= state.startDone) return '';
  const rate = (done - state.startDone) / (ms / 1000);
  return `${rate.toFixed(1)}/s, ETA ${((total - done) / rate).toFixed(0)}s`;
}

/** A Reporter writing to stderr (so `--json` output on stdout stays clean). */
export function consoleReporter(opts: { quiet?: boolean } = {}): Reporter {
  const tty = Boolean(process.stderr.isTTY);
  let current: StageState | undefined;
  const finish = () => {
    current?.bar?.stop();
    current = undefined;
  };
  return {
    info(message) {
      finish();
      if (!opts.quiet) process.stderr.write(`${message}\n`);
    },
    warn(message) {
      finish();
      process.stderr.write(`${message}\n`);
    },
    progress(stage, done, total) {
      if (opts.quiet) return;
      if (current?.stage !== stage) {
        finish();
        current = { stage, start: performance.now(), startDone: done, lastPrint: 0 };
        if (tty) {
          current.bar = new cliProgress.SingleBar({ format: `${stage.padEnd(12)} {bar} {value}/{total} {rate}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
          current.bar.start(total, 0, { rate: '' });
        }
      }
      const rate = rateAndEta(current, done, total);
      if (current.bar) current.bar.update(done, { rate });
      else if (done === total || performance.now() - current.lastPrint > PLAIN_INTERVAL_MS) {
        current.lastPrint = performance.now();
        process.stderr.write(`${stage}: ${done}/${total}${rate ? ` (${rate})` : ''}\n`);
      }
      if (done === total) finish();
    },
  };
}
