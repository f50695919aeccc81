/**
 * @file Runs the server: listens at once (the API answers 503 not_ready meanwhile),
 * loads the index, then serves each new index written to its folder (and reloads on SIGHUP);
 * on SIGINT/SIGTERM stops accepting connections and lets in-flight requests finish. Called by `paperscope serve` / `start` and the load bench.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { openCollectionStore } from '../collections/store.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../config.js';
import { embedderNote } from '../embed/embedder.js';
import { createSearchEngine, type SearchEngine } from '../search/engine.js';
import { warmUp } from './warmUp.js';
import { prepareMap } from './mapResponse.js';
import { loadIndex } from '../search/loadIndex.js';
import { createApp, type AppState } from './app.js';
import type { ErrorCode } from './errors.js';
import { allowedHostNames, exposureWarning } from './hosts.js';
import { createIndexReloader, type IndexReloader } from './reload.js';

/** After this long, connections still open at shutdown are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface ServeOptions {
  indexDir: string;
  /** Where the user's collections are kept, never inside indexDir; without it the server keeps none (the CLI passes DEFAULT_DATA_DIR). */
  dataDir?: string;
  port?: number;
  host?: string;
  /** Host names answered besides loopback and the bound address (`--allow-host`). */
  allowHosts?: readonly string[];
  modelsDir?: string;
  webDir?: string;
  /** Progress and errors; stderr by default. */
  log?: (message: string) => void;
  /** Close gracefully on SIGINT/SIGTERM (the CLI sets this). */
  handleSignals?: boolean;
  /** Loads the engine instead of loadIndex(indexDir) (tests inject slow or failing loads). */
  load?: () => Promise<SearchEngine>;
  /** Once ready, serve each new index written to indexDir (src/server/reload.ts); default true. SIGHUP and `reload` work either way. */
  watchIndex?: boolean;
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
  /** Serves the index now in indexDir if it is another build (what SIGHUP does); resolves once done. */
  reload(reason: string): Promise<void>;
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

/** Writes a JSON error straight to a socket and closes it (for requests express never sees). */
function endWithJsonError(socket: Duplex, status: string, code: ErrorCode, message: string, extraHeaders = ''): void {
  const body = JSON.stringify({ error: { code, message } });
  // The same no-sniffing, no-framing policy helmet gives every response express sends.
  const security = "X-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n";
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${security}${extraHeaders}Connection: close\r\n\r\n${body}`);
}

/**
 * Requests node's HTTP parser refuses before express sees them (headers or URL over 16 KB,
 * malformed HTTP) still get the API's JSON error shape instead of an empty reply; so does
 * CONNECT, which node hands to a 'connect' listener or else drops unanswered.
 */
function answerClientErrors(server: http.Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (err as { code?: string }).code === 'ECONNRESET') return void socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    if (tooLarge) endWithJsonError(socket, '431 Request Header Fields Too Large', 'bad_request', 'request URL or headers are too long');
    else endWithJsonError(socket, '400 Bad Request', 'bad_request', 'malformed HTTP request');
  });
  server.on('connect', (_req, socket: Duplex) => endWithJsonError(socket, '405 Method Not Allowed', 'method_not_allowed', 'CONNECT is not allowed here; use GET', 'Allow: GET, HEAD\r\n'));
}

/**
 * The HTTP server for `app`. Node answers an HTTP/1.1 request without Host with its own empty
 * 400, and an Expect other than 100-continue with an empty 417; express answers both here
 * (nothing reads Host, and RFC 9110 lets a server ignore an expectation), so that every reply
 * is the API's JSON.
 */
function createHttpServer(app: http.RequestListener): http.Server {
  const server = http.createServer({ requireHostHeader: false }, app);
  server.on('checkExpectation', app);
  answerClientErrors(server);
  return server;
}

/**
 * Serves a loaded `engine` from `state`: warms its request path up first (a warm-up that fails
 * fails for the requests too, which answer with its error), then says so and starts
 * compressing the page's map.
 */
async function startServing(state: AppState, engine: SearchEngine, url: string, log: (message: string) => void): Promise<void> {
  await warmUp(engine).catch((err: Error) => log(`paperscope: warning: a warm-up search failed: ${err.message}`));
  state.engine = engine;
  announceReady(engine, url, log);
  void prepareMap(engine.index);
}

/** Logs that the index is served: how many papers, which embedder, and a note for the lexical one. */
function announceReady(engine: SearchEngine, url: string, log: (message: string) => void): void {
  const { embedder, papers } = engine.index.manifest;
  log(`paperscope: ready at ${url}: ${papers} papers, ${embedder.kind} embedder (${embedder.model}, ${embedder.dims} dims)`);
  const note = embedderNote(embedder);
  if (note) log(`paperscope: note: ${note}; see \`paperscope build --help\``);
}

/** `dataDir`, unless it lies inside the index folder, which every build replaces whole. */
function dataDirOutside(dataDir: string, indexDir: string): string {
  const relative = path.relative(path.resolve(indexDir), path.resolve(dataDir));
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) throw new Error(`server: the data folder ${dataDir} is inside the index folder ${indexDir}, which a rebuild replaces; pass --data elsewhere`);
  return dataDir;
}

/** Starts a paperscope server; resolves once it listens (the index is still loading). */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const log = opts.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const state: AppState = {};
  const host = opts.host ?? DEFAULT_HOST;
  const allowedHosts = allowedHostNames(host, opts.allowHosts);
  const collections = opts.dataDir === undefined ? undefined : openCollectionStore(dataDirOutside(opts.dataDir, opts.indexDir));
  const app = createApp(state, { webDir: opts.webDir, log, collections, allowedHosts });
  const server = createHttpServer(app);
  // A server that cannot listen has nothing to write: close the collections database again.
  const url = urlOf(await listen(server, opts.port ?? DEFAULT_PORT, host).finally(() => server.listening || collections?.close()));
  log(`paperscope: listening on ${url} (loading ${opts.indexDir}…)`);
  const warning = exposureWarning(host, url, allowedHosts);
  if (warning) log(warning);

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  void closed.then(() => collections?.close());
  // Once closing, a keep-alive connection is cut as soon as its last response is sent.
  server.on('request', (_req, res: http.ServerResponse) => {
    res.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  let closing: Promise<void> | undefined;
  let reloader: IndexReloader | undefined;
  const onHangup = () => void reloader?.reload('SIGHUP');
  const onSignal = (signal: NodeJS.Signals) => {
    log(`paperscope: ${signal}: finishing in-flight requests, then exiting`);
    void close();
  };
  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('SIGHUP', onHangup);
      reloader?.close();
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    });
    return closing;
  }
  if (opts.handleSignals) process.once('SIGINT', onSignal).once('SIGTERM', onSignal).on('SIGHUP', onHangup);

  const load = opts.load ?? (async () => createSearchEngine(await loadIndex(opts.indexDir, { modelsDir: opts.modelsDir })));
  const ready = load().then(
    async (engine) => {
      await startServing(state, engine, url, log);
      if (!closing) {
        const reload = async () => createSearchEngine(await loadIndex(opts.indexDir, { modelsDir: opts.modelsDir }));
        reloader = createIndexReloader({ indexDir: opts.indexDir, state, log, load: reload, watch: opts.watchIndex });
      }
    },
    async (err: unknown) => {
      await close();
      throw err;
    },
  );
  ready.catch(() => {}); // the caller awaits `ready`; this only keeps an ignored failure from crashing the process
  const reload = async (reason: string) => reloader?.reload(reason);
  return { url, server, state, ready, closed, close, reload };
}
