/**
 * @file The one shape every HTTP error takes, `{ error: { code, message } }`, and the
 * middleware that produces it: no HTML, no stack traces, internals only in the log.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody, ErrorCode } from './apiShapes.js';

export type { ErrorCode };

/** Seconds a client should wait before asking again while the index loads. */
export const RETRY_AFTER_SECONDS = 2;

/** An error meant for the client: its status, code and message are sent as they are. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const notReady = () =>
  new HttpError(503, 'not_ready', 'the index is still loading; try again shortly', { 'Retry-After': String(RETRY_AFTER_SECONDS) });

const ALLOWED_METHODS = new Set(['GET', 'HEAD']);

/** 405 for anything but GET and HEAD (the API is read-only). */
export const onlyGetAndHead: RequestHandler = (req, _res, next) => {
  if (ALLOWED_METHODS.has(req.method)) return next();
  next(new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; use GET`, { Allow: 'GET, HEAD' }));
};

/** The final 404 for paths nothing else answered. */
export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(notFound(req.originalUrl.startsWith('/api') ? 'no such API route; see GET /api/health' : 'not found'));
};

/** Errors thrown by express and body-parser carry an HTTP status (4xx/5xx) and a `type`. */
function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown; statusCode?: unknown })?.status ?? (err as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

function toHttpError(err: unknown, bodyLimit: string): HttpError {
  if (err instanceof HttpError) return err;
  const status = statusOf(err);
  if (status === 413) return new HttpError(413, 'payload_too_large', `request body is over the ${bodyLimit} limit`);
  if (status === 404) return notFound('not found');
  if (status !== undefined && status < 500) return badRequest('malformed request');
  return new HttpError(500, 'internal', 'internal error');
}

/**
 * Sends every error as `{ error: { code, message } }`. Unexpected errors are logged
 * with `log` and answered with a message that says nothing of internals.
 */
export function errorHandler(opts: { log: (message: string) => void; bodyLimit: string }): ErrorRequestHandler {
  return (err, req, res, next) => {
    const error = toHttpError(err, opts.bodyLimit);
    if (error.status >= 500 && error.code === 'internal') {
      opts.log(`paperscope: ${req.method} ${req.originalUrl} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    if (res.headersSent) return next(err);
    res.set(error.headers).status(error.status).json({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
  };
}
