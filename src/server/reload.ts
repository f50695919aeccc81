/**
 * @file Hot swap of the served index. A build or `paperscope add` replaces the index folder by
 * rename, so the server watches the folder's parent for its name (debounced) and also reloads
 * on SIGHUP. The new index loads beside the old one; one assignment then switches to it.
 * Requests capture the engine when they start (src/server/routes.ts), so those in flight
 * finish on the old index, which is freed once they have. A load that fails keeps the old index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readManifest, type Manifest } from '../store/indexFolder.js';
import { INDEX_RELOAD_DEBOUNCE_MS } from '../config.js';
import type { SearchEngine } from '../search/engine.js';
import type { AppState } from './routes.js';
import { prepareMap } from './mapResponse.js';

export interface IndexReloadOptions {
  indexDir: string;
  state: AppState;
  /** Loads the index folder as it is now. */
  load: () => Promise<SearchEngine>;
  log: (message: string) => void;
  /** Reload whenever the folder is replaced (else only when asked, e.g. on SIGHUP); default true. */
  watch?: boolean;
  debounceMs?: number;
}

export interface IndexReloader {
  /** Serves the folder's index if it is another build than the served one; resolves once swapped, skipped or failed. */
  reload(reason: string): Promise<void>;
  /** Stops watching. */
  close(): void;
}

/** Whether two manifests describe the same build: same time and the same files. */
function sameBuild(a: Manifest, b: Manifest): boolean {
  return a.builtAt === b.builtAt && JSON.stringify(a.files) === JSON.stringify(b.files);
}

/**
 * Swaps `opts.state.engine` to the index in `opts.indexDir` when asked, and (unless `watch` is
 * false) whenever that folder is replaced.
 * @example const reloader = createIndexReloader({ indexDir, state, load, log }); process.on('SIGHUP', () => void reloader.reload('SIGHUP'));
 */
export function createIndexReloader(opts: IndexReloadOptions): IndexReloader {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function swapIfNew(reason: string): Promise<void> {
    const served = opts.state.engine?.index.manifest;
    try {
      if (served && sameBuild(served, await readManifest(opts.indexDir))) return;
      const engine = await opts.load();
      opts.state.engine = engine;
      void prepareMap(engine.index);
      const { builtAt, papers } = engine.index.manifest;
      opts.log(`paperscope: ${reason}: now serving the index built at ${builtAt} (${papers} papers)`);
    } catch (err) {
      const kept = served ? `kept serving the index built at ${served.builtAt}` : 'nothing is served yet';
      opts.log(`paperscope: ${reason}: ${kept}; the new index did not load: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function reload(reason: string): Promise<void> {
    // One load at a time; changes during a load cause one more load after it.
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await swapIfNew(reason);
      } while (again);
    })().finally(() => (running = undefined));
    return running;
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload('index folder replaced'), opts.debounceMs ?? INDEX_RELOAD_DEBOUNCE_MS);
  };
  const watcher = opts.watch === false ? undefined : watchName(opts.indexDir, schedule, opts.log);
  return {
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

/** Calls `onChange` whenever an entry named like `dir` changes in its parent (the rename that replaces it). */
function watchName(dir: string, onChange: () => void, log: (message: string) => void): fs.FSWatcher | undefined {
  const name = path.basename(path.resolve(dir));
  try {
    const watcher = fs.watch(path.dirname(path.resolve(dir)), (_event, file) => {
      if (file === name) onChange();
    });
    watcher.on('error', (err) => log(`paperscope: stopped watching ${dir} (${err.message}); SIGHUP still reloads it`));
    return watcher;
  } catch (err) {
    log(`paperscope: cannot watch ${dir} (${err instanceof Error ? err.message : String(err)}); SIGHUP still reloads it`);
    return undefined;
  }
}
