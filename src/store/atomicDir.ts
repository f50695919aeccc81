/**
 * @file Atomic replacement of a whole folder: a build writes into a temporary
 * sibling and swaps it into place, so a build killed at any moment leaves the
 * previous folder intact (or restorable by `recoverInterruptedSwap`). Swaps hold
 * the folder's build lock (buildLock.ts), so two processes never swap at once.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { BuildLockedError, processAlive, removeStaleLock, withBuildLock } from './buildLock.js';

/** How long a reader waits for a live build's swap (two renames) to put the folder back. */
const SWAP_WAIT_MS = 2000;

/** The temporary folders of one target: `<parent>/.<name>.tmp-<pid>-<n>` and `<parent>/.<name>.previous`. */
function siblings(target: string): { parent: string; tmpPrefix: string; lockPrefix: string; previous: string } {
  const parent = path.dirname(path.resolve(target));
  const name = path.basename(target);
  return { parent, tmpPrefix: `.${name}.tmp-`, lockPrefix: `.${name}.lock-`, previous: path.join(parent, `.${name}.previous`) };
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}

/** Waits up to SWAP_WAIT_MS for `target` to exist again (a live build is between its two renames). */
async function waitForSwap(target: string): Promise<void> {
  for (const start = Date.now(); Date.now() - start < SWAP_WAIT_MS && !(await exists(target)); ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Repairs what a dead build left beside `target`: restores it from `.previous` when a swap
 * was interrupted between its two renames, removes `.previous` when `target` is whole, and
 * removes the temporary folders and lock files of processes that are gone. Repairs happen
 * under the build lock; while a live build holds it, nothing is touched (the build owns those
 * folders) and this only waits for the build's swap to put `target` back.
 */
export async function recoverInterruptedSwap(target: string): Promise<void> {
  await removeStaleLock(target);
  try {
    await withBuildLock(target, () => repairLeftovers(target));
  } catch (err) {
    if (err instanceof BuildLockedError) return waitForSwap(target);
    // No lock on a read-only disk or folder: the leftovers stay, and the index beside them still loads.
  }
}

async function repairLeftovers(target: string): Promise<void> {
  const { parent, tmpPrefix, lockPrefix, previous } = siblings(target);
  if (await exists(previous)) {
    if (await exists(target)) await fs.rm(previous, { recursive: true, force: true });
    else await fs.rename(previous, target);
  }
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    const prefix = [tmpPrefix, lockPrefix].find((p) => entry.startsWith(p));
    if (prefix === undefined) continue;
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    if (!processAlive(pid)) await fs.rm(path.join(parent, entry), { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Calls `fill(tmpDir)` on a fresh temporary folder beside `target`, then swaps
 * it into place, holding `target`'s build lock throughout. If `fill` throws, the
 * temporary folder is removed and `target` is untouched.
 */
export async function replaceDirAtomically(target: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const { parent, tmpPrefix, previous } = siblings(target);
  await fs.mkdir(parent, { recursive: true });
  await withBuildLock(target, async () => {
    await recoverInterruptedSwap(target);
    const tmpDir = await fs.mkdtemp(path.join(parent, `${tmpPrefix}${process.pid}-`));
    try {
      await fill(tmpDir);
      await fs.rm(previous, { recursive: true, force: true });
      const hadTarget = await exists(target);
      if (hadTarget) await fs.rename(target, previous);
      await fs.rename(tmpDir, target);
      if (hadTarget) await fs.rm(previous, { recursive: true, force: true });
    } catch (err) {
      await fs.rm(tmpDir, { recursive: true, force: true });
      throw err;
    }
  });
}
