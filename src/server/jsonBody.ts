/**
 * @file JSON request bodies for the API's write routes (API.md, version 2): at most
 * JSON_BODY_LIMIT_BYTES, sent as application/json, and always a JSON object. Mounted on
 * those routes only; every other route keeps refusing bodies.
 */
import express, { type RequestHandler } from 'express';
import type { z } from 'zod';
import { JSON_BODY_LIMIT_BYTES } from '../config.js';
import { badRequest, HttpError } from './errors.js';

const parseJson = express.json({ limit: JSON_BODY_LIMIT_BYTES, type: 'application/json', strict: false });

const LIMIT_TEXT = `${JSON_BODY_LIMIT_BYTES / 1024} KB`;

/** Parses the body into req.body (a plain object; {} when there is none), or answers 400/413 naming the problem. */
export const jsonBody: RequestHandler = (req, res, next) => {
  // Another site's page can make the browser POST a form (text/plain, urlencoded) here without
  // asking; only a same-origin script can send application/json. So a body of any other type is
  // refused, which keeps other pages from writing to the user's collections.
  if (req.is('application/json') === false) return next(badRequest('the request body must be sent as Content-Type: application/json'));
  parseJson(req, res, (err?: unknown) => {
    if (err) {
      const { type } = err as { type?: string };
      if (type === 'entity.too.large') return next(new HttpError(413, 'payload_too_large', `request body is over the ${LIMIT_TEXT} limit`));
      if (type === 'entity.parse.failed') return next(badRequest('request body must be JSON'));
      return next(err);
    }
    req.body ??= {};
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) return next(badRequest('request body must be a JSON object'));
    next();
  });
};

/** Route-line validation of a parsed JSON body: the parsed value lands in res.locals.body. */
export function validateBody(schema: z.ZodObject): RequestHandler {
  return (req, res, next) => {
    const result = schema.safeParse(req.body);
    if (!result.success) return next(badRequest(result.error.issues[0]?.message ?? 'malformed request body'));
    res.locals.body = result.data;
    next();
  };
}
