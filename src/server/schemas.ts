/**
 * @file The zod schema of each API route's parameters and the middleware that applies
 * one on the route line. Parsed values land in res.locals; bad input becomes a 400.
 */
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { DEFAULT_K, FACETS_DEFAULT_K, MAX_K, MAX_QUERY_CHARS } from '../config.js';
import { SEARCH_MODES } from '../search/engine.js';
import { badRequest } from './errors.js';
import { checkFilterRange, filterFields } from './filterSchema.js';

const K_MESSAGE = `k must be an integer from 1 to ${MAX_K}`;

/** `k`: plain digits, 1..MAX_K, `byDefault` when absent. */
const kParamOf = (byDefault: number) => z
  .string({ error: K_MESSAGE })
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return byDefault;
    const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= MAX_K)) {
      ctx.addIssue({ code: 'custom', message: K_MESSAGE });
      return z.NEVER;
    }
    return n;
  });
const kParam = kParamOf(DEFAULT_K);

/** Control characters (NUL, C0, DEL, C1) carry no words: they become spaces. */
const CONTROL_CHARS = /\p{Cc}/gu;

/** `q`: 1..MAX_QUERY_CHARS characters (code points) once control characters are blanked and it is trimmed. */
const qParam = z
  .string({ error: (issue) => (issue.input === undefined ? 'q is required' : 'q must be text') })
  .transform((q) => q.replace(CONTROL_CHARS, ' ').trim())
  .pipe(z.string().min(1, { error: 'q is empty' }))
  .refine((q) => [...q].length <= MAX_QUERY_CHARS, { error: `q must be at most ${MAX_QUERY_CHARS} characters` });

const modeParam = z.enum(SEARCH_MODES, { error: `mode must be one of ${SEARCH_MODES.join(', ')}` }).default('hybrid');

const idParam = z.string().min(1, { error: 'id is required' });

export const SearchQuery = z.object({ q: qParam, k: kParam, mode: modeParam, ...filterFields }).superRefine(checkFilterRange);
export const SimilarQuery = z.object({ k: kParam, ...filterFields }).superRefine(checkFilterRange);
/** GET /api/facets: a slice by filters, and optionally a query's top k (default 100) within it. */
export const FacetsQuery = z
  .object({ q: qParam.optional(), k: kParamOf(FACETS_DEFAULT_K), mode: modeParam, ...filterFields })
  .superRefine(checkFilterRange);
export const PaperParams = z.object({ id: idParam });
export const MapQuery = z.object({ format: z.enum(['json', 'binary'], { error: 'format must be json or binary' }).default('json') });

export type SearchQuery = z.infer<typeof SearchQuery>;
export type SimilarQuery = z.infer<typeof SimilarQuery>;
export type FacetsQuery = z.infer<typeof FacetsQuery>;
export type PaperParams = z.infer<typeof PaperParams>;
export type MapQuery = z.infer<typeof MapQuery>;

/** What validate() leaves in res.locals for the handler. */
export interface Validated<Q = unknown, P = unknown> {
  query: Q;
  params: P;
}

function parse<S extends z.ZodObject>(schema: S, input: Record<string, unknown>): z.infer<S> {
  for (const key of Object.keys(schema.shape)) {
    if (Array.isArray(input[key])) throw badRequest(`${key} must be given once`);
  }
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(result.error.issues[0]?.message ?? 'malformed request');
  return result.data;
}

/**
 * Route-line validation: `api.get('/search', validate({ query: SearchQuery }), handler)`.
 * Unknown query parameters are ignored; a known one given twice is a 400.
 */
export function validate(schemas: { query?: z.ZodObject; params?: z.ZodObject }): RequestHandler {
  return (req, res, next) => {
    res.locals.query = schemas.query ? parse(schemas.query, req.query as Record<string, unknown>) : {};
    res.locals.params = schemas.params ? parse(schemas.params, req.params) : {};
    next();
  };
}

/** The values validate() parsed, typed by the handler that reads them. */
export function validated<Q, P = unknown>(res: Response): Validated<Q, P> {
  return { query: res.locals.query as Q, params: res.locals.params as P };
}
