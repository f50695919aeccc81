/**
 * @file Where a build writes when `--out` is a symbolic link: into the link's target, so the
 * link keeps pointing at the new index (replacing the link itself with a folder would leave
 * its target holding the old index while readers of the target never see the new one).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** A `--out` that cannot be built into: a dangling link, or a file where a folder should be. */
export class OutDirError extends Error {
  constructor(out: string, problem: string) {
    super(`--out ${out}: ${problem}`);
    this.name = 'OutDirError';
  }
}

export interface OutDir {
  /** The folder the build replaces: `out`, or the real path of the folder a link `out` points to. */
  dir: string;
  /** Set when `out` is a link: where it points. */
  linkTarget?: string;
}

/** Resolves `out` for a build: followed when a link to a folder, refused when a dangling link or a file. */
export async function resolveOutDir(out: string): Promise<OutDir> {
  const stat = await fs.lstat(out).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (!stat) return { dir: out };
  if (stat.isSymbolicLink()) {
    const linkTarget = path.resolve(path.dirname(out), await fs.readlink(out));
    const real = await fs.realpath(out).catch(() => undefined);
    if (!real) throw new OutDirError(out, `is a symbolic link to ${linkTarget}, which does not exist; create that folder or remove the link`);
    if (!(await fs.stat(real)).isDirectory()) throw new OutDirError(out, `is a symbolic link to ${real}, which is not a folder`);
    return { dir: real, linkTarget: real };
  }
  if (!stat.isDirectory()) throw new OutDirError(out, 'is a file, not an index folder; pass another --out');
  return { dir: out };
}
