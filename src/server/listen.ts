/**
 * @file Runs the server: listens at once (the API answers 503 not_ready meanwhile),
 * loads the index, and on SIGINT/SIGTERM stops accepting connections and lets
 * in-flight requests finish. Called by `paperscope serve` / `start` and the load bench.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_HOST, DEFAULT_PORT } from '../config.js';
import { createSearchEngine, type SearchEngine } from '../search/engine.js';
import { loadIndex } from '../search/loadIndex.js';
import { createApp, type AppState } from './app.js';

/** After this long, connections still open at shutdown are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface ServeOptions {
  indexDir: string;
  port?: number;
  host?: string;
  modelsDir?: string;
  webDir?: string;
  /** Progress and errors; stderr by default. */
  log?: (message: string) => void;
  /** Close gracefully on SIGINT/SIGTERM (the CLI sets this). */
  handleSignals?: boolean;
  /** Loads the engine instead of loadIndex(indexDir) (tests inject slow or failing loads). */
  load?: () => Promise<SearchEngine>;
}

export interface RunningServer {
  url: string;
  server: http.Server;
  state: AppState;
  /** Resolves when the index is loaded; rejects (and the server closes) when it cannot be. */
  ready: Promise<void>;
  /** Resolves once the server has closed. */
  closed: Promise<void>;
  /** Stops accepting connections and resolves when in-flight requests have finished. */
  close(): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const reason = err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use; pass --port` : err.message;
      reject(new Error(`server: cannot listen: ${reason}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlOf({ address, family, port }: AddressInfo): string {
  return family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}

/**
 * Requests node's HTTP parser refuses before express sees them (headers or URL over 16 KB,
 * malformed HTTP) still get the API's JSON error shape instead of an empty reply.
 */
function answerClientErrors(server: http.Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (err as { code?: string }).code === 'ECONNRESET') return void socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({ error: { code: 'bad_request', message: tooLarge ? 'request URL or headers are too long' : 'malformed HTTP request' } });
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

/** Starts a paperscope server; resolves once it listens (the index is still loading). */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const log = opts.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const state: AppState = {};
  const server = http.createServer(createApp(state, { webDir: opts.webDir, log }));
  answerClientErrors(server);
  const url = urlOf(await listen(server, opts.port ?? DEFAULT_PORT, opts.host ?? DEFAULT_HOST));
  log(`paperscope: listening on ${url} (loading ${opts.indexDir}…)`);

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  // Once closing, a keep-alive connection is cut as soon as its last response is sent.
  server.on('request', (_req, res: http.ServerResponse) => {
    res.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    log(`paperscope: ${signal}: finishing in-flight requests, then exiting`);
    void close();
  };
  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    });
    return closing;
  }
  if (opts.handleSignals) process.once('SIGINT', onSignal).once('SIGTERM', onSignal);

  const load = opts.load ?? (async () => createSearchEngine(await loadIndex(opts.indexDir, { modelsDir: opts.modelsDir })));
  const ready = load().then(
    (engine) => {
      state.engine = engine;
      const { embedder, papers } = engine.index.manifest;
      log(`paperscope: ready at ${url}: ${papers} papers, ${embedder.kind} embedder (${embedder.model}, ${embedder.dims} dims)`);
      if (embedder.kind === 'lexical') log('paperscope: note: this index uses the LEXICAL embedder (TF-IDF + LSA), not a neural model; see `paperscope build --help`');
    },
    async (err: unknown) => {
      await close();
      throw err;
    },
  );
  ready.catch(() => {}); // the caller awaits `ready`; this only keeps an ignored failure from crashing the process
  return { url, server, state, ready, closed, close };
}
