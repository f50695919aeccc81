/**
 * @file One build at a time per index folder: `<parent>/.<name>.lock` holds the pid of the
 * build writing `<parent>/<name>`. A lock whose process is gone (a killed build) is stale
 * and taken over; a live one stops the second build with a message naming its pid.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** Thrown when another live process is building into the same folder. */
export class BuildLockedError extends Error {
  constructor(
    readonly pid: number,
    readonly dir: string,
  ) {
    super(`another build (pid ${pid}) is writing ${dir}; wait for it to finish, or stop it`);
    this.name = 'BuildLockedError';
  }
}

/** True when a process with this pid exists (EPERM: it exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `<parent>/.<name>.lock` for the index folder `target`. */
export function lockFileOf(target: string): string {
  const resolved = path.resolve(target);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

/** The pid in a lock file; undefined when there is no lock, NaN when it holds no pid (damaged). */
async function lockHolder(file: string): Promise<number | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : NaN;
}

/** A lock its holder can no longer release: its process is gone, or it names none. */
function isStale(pid: number): boolean {
  return Number.isNaN(pid) || (pid !== process.pid && !processAlive(pid));
}

/**
 * Removes `target`'s lock when its process is gone (best effort: a read-only disk keeps it).
 * Two processes taking over the same stale lock at the same instant could both remove it and
 * one remove the other's new lock; a stale lock exists only after a build was killed.
 */
export async function removeStaleLock(target: string): Promise<void> {
  const file = lockFileOf(target);
  const pid = await lockHolder(file);
  if (pid !== undefined && isStale(pid)) await fs.rm(file, { force: true }).catch(() => undefined);
}

/**
 * Creates the lock file with its pid already in it: written under a private name, then
 * hard-linked into place, which fails if the lock exists, so no reader sees it half-written.
 */
async function tryLock(file: string): Promise<boolean> {
  const mine = `${file}-${process.pid}`;
  try {
    await fs.writeFile(mine, `${process.pid}\n`);
    await fs.link(mine, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await fs.rm(mine, { force: true });
  }
}

/** Locks this process holds, with how many callers hold each (a build's swap re-enters its lock). */
const held = new Map<string, number>();

/**
 * Takes `target`'s build lock (its parent folder must exist) and returns its release.
 * Throws BuildLockedError when another live process holds it; a stale lock (its process is
 * gone) is taken over. Re-entrant: a build's swap takes the lock its build already holds.
 */
export async function acquireBuildLock(target: string): Promise<() => Promise<void>> {
  const file = lockFileOf(target);
  if (!held.has(file)) {
    while (!(await tryLock(file))) {
      const pid = await lockHolder(file);
      if (pid === undefined) continue; // released meanwhile: try again
      if (!isStale(pid)) throw new BuildLockedError(pid, path.resolve(target));
      await fs.rm(file, { force: true });
    }
  }
  held.set(file, (held.get(file) ?? 0) + 1);
  return async () => {
    const count = held.get(file)! - 1;
    if (count > 0) return void held.set(file, count);
    held.delete(file);
    await fs.rm(file, { force: true });
  };
}

/** Runs `work` holding `target`'s build lock (see acquireBuildLock). */
export async function withBuildLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const release = await acquireBuildLock(target);
  try {
    return await work();
  } finally {
    await release();
  }
}
