/**
 * @file The zod schemas of the JSON request bodies (POST /api/search, POST /api/missing) and
 * the middleware that parses and checks one on its route line: a body that is not JSON, is
 * over its limit or breaks its schema is a 400 or 413 naming the field.
 */
import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { DEFAULT_K, MAX_K, MAX_LONG_QUERY_CHARS } from '../config.js';
import { SEARCH_MODES } from '../search/engine.js';
import { badRequest, HttpError } from './errors.js';
import { checkFilterRange, filterFields } from './filterSchema.js';

/** Bodies of POST /api/search: a whole abstract or draft fits. */
export const SEARCH_BODY_LIMIT = '64kb';
/** Bodies of POST /api/missing: a draft and a long reference list. */
export const MISSING_BODY_LIMIT = '256kb';
/** Most results /api/missing returns. */
export const MAX_MISSING_K = 100;
export const DEFAULT_MISSING_K = 20;

const kField = (max: number, fallback: number) =>
  z
    .number({ error: `k must be an integer from 1 to ${max}` })
    .int({ error: `k must be an integer from 1 to ${max}` })
    .min(1, { error: `k must be an integer from 1 to ${max}` })
    .max(max, { error: `k must be an integer from 1 to ${max}` })
    .default(fallback);

const textField = (name: string, max: number) =>
  z
    .string({ error: `${name} must be text` })
    .trim()
    .refine((text) => [...text].length <= max, { error: `${name} must be at most ${max} characters` });

/** POST /api/search: the query, k, mode and the filters of GET (as text: "2025-06", "cs.CL,cs.LG", "4"). */
export const SearchBody = z
  .object({
    q: textField('q', MAX_LONG_QUERY_CHARS).refine((q) => q.length > 0, { error: 'q must not be empty' }),
    k: kField(MAX_K, DEFAULT_K),
    mode: z.enum(SEARCH_MODES, { error: `mode must be one of ${SEARCH_MODES.join(', ')}` }).default('hybrid'),
    ...filterFields,
  })
  .superRefine(checkFilterRange);

export const MissingBody = z
  .object({
    text: z.string({ error: 'text must be text' }).trim().default(''),
    references: z.string({ error: 'references must be text' }).default(''),
    k: kField(MAX_MISSING_K, DEFAULT_MISSING_K),
  })
  .refine((body) => body.text !== '' || body.references.trim() !== '', { error: 'give text, references or both' });

export type SearchBody = z.infer<typeof SearchBody>;
export type MissingBody = z.infer<typeof MissingBody>;

/** The issue's message with the field it is about, as "field: message" unless the message names it. */
function messageOf(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'malformed request body';
  const field = issue.path.join('.');
  return field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
}

/**
 * Parses a JSON body of at most `limit` against `schema` into res.locals.body. The body must
 * be sent as application/json: a form or text/plain post from another site is refused.
 */
export function jsonBody(schema: z.ZodType, limit: string): RequestHandler[] {
  const parseJson = express.json({ limit, type: () => true, strict: true });
  return [
    (req, _res, next) => {
      if (!req.is('application/json')) return next(badRequest('the body must be JSON sent with Content-Type: application/json'));
      parseJson(req, _res, (err?: unknown) => {
        if (err === undefined) return next();
        const status = (err as { status?: number }).status;
        next(status === 413 ? new HttpError(413, 'payload_too_large', `request body is over the ${limit} limit`) : badRequest('the body is not valid JSON'));
      });
    },
    (req, res, next) => {
      const input: unknown = req.body;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return next(badRequest('the body must be a JSON object'));
      const result = schema.safeParse(input);
      if (!result.success) return next(badRequest(messageOf(result.error.issues[0])));
      res.locals.body = result.data;
      next();
    },
  ];
}
