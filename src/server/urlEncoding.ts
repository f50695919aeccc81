/**
 * @file One rule for percent-encoding in every part of a URL: a `%` not followed by two hex
 * digits, or escapes that decode to something other than UTF-8 (a lone surrogate such as
 * %ED%A0%80), is a 400. Without it the query parser echoed such bytes back literally or as
 * U+FFFD while the router refused the same bytes in a path.
 */
import type { RequestHandler } from 'express';
import { badRequest } from './errors.js';

export const MALFORMED_URL_MESSAGE = 'malformed request: the URL has a % not followed by two hex digits, or escapes that are not UTF-8';

/** Refuses a request whose path or query string does not percent-decode to valid UTF-8. */
export const checkUrlEncoding: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.url);
  } catch {
    return next(badRequest(MALFORMED_URL_MESSAGE));
  }
  next();
};
