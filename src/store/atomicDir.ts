/**
 * @file Atomic replacement of a whole folder: a build writes into a temporary
 * sibling and swaps it into place, so a build killed at any moment leaves the
 * previous folder intact (or restorable by `recoverInterruptedSwap`).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** The temporary folders of one target: `<parent>/.<name>.tmp-<pid>-<n>` and `<parent>/.<name>.previous`. */
function siblings(target: string): { parent: string; tmpPrefix: string; previous: string } {
  const parent = path.dirname(path.resolve(target));
  const name = path.basename(target);
  return { parent, tmpPrefix: `.${name}.tmp-`, previous: path.join(parent, `.${name}.previous`) };
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Restores `target` when a swap was interrupted between its two renames, and
 * removes temporary folders left by builds whose process is gone.
 */
export async function recoverInterruptedSwap(target: string): Promise<void> {
  const { parent, tmpPrefix, previous } = siblings(target);
  if (!(await exists(target)) && (await exists(previous))) {
    await fs.rename(previous, target);
  }
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(tmpPrefix)) continue;
    const pid = Number(entry.slice(tmpPrefix.length).split('-')[0]);
    // Best effort: on a read-only disk the leftover stays, and the index beside it still loads.
    if (!processAlive(pid)) await fs.rm(path.join(parent, entry), { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Calls `fill(tmpDir)` on a fresh temporary folder beside `target`, then swaps
 * it into place. If `fill` throws, the temporary folder is removed and
 * `target` is untouched.
 */
export async function replaceDirAtomically(target: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const { parent, tmpPrefix, previous } = siblings(target);
  await fs.mkdir(parent, { recursive: true });
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
}
