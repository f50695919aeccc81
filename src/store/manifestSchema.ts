/**
 * @file The zod schema of manifest.json. Every field the loader and the checksums rely on is
 * checked here, so a damaged manifest is blamed on manifest.json (naming the field) instead of
 * on whichever artifact first read an undefined size or checksum from it.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

const fileEntry = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lower-case hex digits' }),
  bytes: count,
});

const embedder = z.looseObject({
  kind: z.enum(['transformer', 'lexical'], { error: 'must be "transformer" or "lexical"' }),
  model: z.string().min(1),
  dims: z.number().int().min(1),
  quantized: z.boolean().optional(),
});

/** manifest.json as this paperscope writes it; unknown fields are kept, not refused. */
export const ManifestSchema = z.looseObject({
  schemaVersion: z.number().int(),
  embedder,
  papers: count,
  corpus: z.looseObject({ file: z.string(), format: z.string(), sha256: z.string() }),
  build: z.record(z.string(), z.unknown()),
  files: z.record(z.string(), fileEntry),
  builtAt: z.string(),
});

/** The first problem zod found, as "field.path: what is wrong". */
export function manifestProblem(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the manifest';
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
  return `${where}: ${message}`;
}
