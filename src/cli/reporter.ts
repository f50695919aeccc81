/**
 * @file The console Reporter for long CLI work: a progress bar with rate and ETA
 * on a terminal, plain progress lines (at most every few seconds) otherwise.
 */
import cliProgress from 'cli-progress';
import type { Reporter } from '../build/index.js';

const PLAIN_INTERVAL_MS = 5000;

interface StageState {
  stage: string;
  start: number;
  lastPrint: number;
  bar?: cliProgress.SingleBar;
}

function rateAndEta(state: StageState, done: number, total: number): string {
  const seconds = (performance.now() - state.start) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? (total - done) / rate : 0;
  return `${rate.toFixed(1)}/s, ETA ${eta.toFixed(0)}s`;
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
        current = { stage, start: performance.now(), lastPrint: 0 };
        if (tty) {
          current.bar = new cliProgress.SingleBar({ format: `${stage.padEnd(12)} {bar} {value}/{total} {rate}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
          current.bar.start(total, 0, { rate: '' });
        }
      }
      const rate = rateAndEta(current, done, total);
      if (current.bar) current.bar.update(done, { rate });
      else if (done === total || performance.now() - current.lastPrint > PLAIN_INTERVAL_MS) {
        current.lastPrint = performance.now();
        process.stderr.write(`${stage}: ${done}/${total} (${rate})\n`);
      }
      if (done === total) finish();
    },
  };
}
