/**
 * @file Builds the paperscope Express app: security headers, a small body limit, the
 * JSON API under /api and the web app at `/`. Only src/server/listen.ts listens.
 */
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { PROJECT_ROOT } from '../config.js';
import type { CollectionStore } from '../collections/store.js';
import { collectionRouter } from './collectionRoutes.js';
import { badRequest, errorHandler, unknownRoute } from './errors.js';
import { recommendRouter } from './recommendRoutes.js';
import { postRouter } from './postRoutes.js';
import { apiRouter, type AppState } from './routes.js';
import { checkUrlEncoding } from './urlEncoding.js';
import { webAppRouter } from './webApp.js';

export type { AppState } from './routes.js';

export const DEFAULT_WEB_DIR = path.join(PROJECT_ROOT, 'web', 'dist');
/** GET routes take no request bodies; anything beyond a few KB is refused with 413 (POST routes set their own limits). */
export const BODY_LIMIT = '16kb';

export interface AppOptions {
  /** The built web app; DEFAULT_WEB_DIR unless given. */
  webDir?: string;
  /** Where unexpected errors are logged (stderr by default). */
  log?: (message: string) => void;
  /**
   * Host names requests may be addressed to; others get 400, so a web page on another site
   * can't reach the server through DNS rebinding. serve() always sets it (see hosts.ts).
   */
  allowedHosts?: readonly string[];
  /** The user's collections; without it the collection routes are absent (404/405). */
  collections?: CollectionStore;
}

/** The host name of a Host header, without port or IPv6 brackets, lowercased. */
function hostNameOf(header: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(header);
  return (bracketed ? bracketed[1] : header.replace(/:\d*$/, '')).toLowerCase();
}

function checkHost(allowed: readonly string[]): RequestHandler {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  return (req, _res, next) => {
    const header = req.headers.host;
    if (header === undefined || names.has(hostNameOf(header))) return next();
    next(badRequest(`Host "${header.slice(0, 100)}" is not allowed: this server only answers requests addressed to ${[...names].join(', ')}`));
  };
}

/** Only the app's own origin: the web app needs no inline code, styles, workers or data URLs. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  // The map loader's Web Worker (web/src/mapData), a script of this origin.
  workerSrc: ["'self'"],
  upgradeInsecureRequests: null,
};

/**
 * The app over `state`: it answers 503 not_ready on /api until `state.engine` is set.
 * @example const state: AppState = {}; const app = createApp(state); state.engine = createSearchEngine(index);
 */
export function createApp(state: AppState, opts: AppOptions = {}): Express {
  const log = opts.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const app = express();
  app.disable('x-powered-by');
  app.set('json escape', true);
  // Served over plain http on localhost: HSTS would only confuse browsers.
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES }, strictTransportSecurity: false }));
  if (opts.allowedHosts) app.use(checkHost(opts.allowedHosts));
  app.use(checkUrlEncoding);
  // Before the body limit below: the collection routes take JSON bodies of their own limit.
  if (opts.collections) app.use('/api', collectionRouter(state, opts.collections));
  app.use('/api', recommendRouter(state, opts.collections));
  // The routes that read a JSON body parse it themselves, each with its own limit.
  app.use('/api', postRouter(state));
  app.use(express.raw({ type: () => true, limit: BODY_LIMIT }));
  app.use('/api', apiRouter(state));
  app.use(webAppRouter(opts.webDir ?? DEFAULT_WEB_DIR));
  app.use(unknownRoute);
  app.use(errorHandler({ log, bodyLimit: BODY_LIMIT }));
  return app;
}
