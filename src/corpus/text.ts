/**
 * @file Text rules shared by every corpus format: whitespace/Unicode cleanup,
 * the text a paper is embedded as, and ids derived from titles.
 */
import { createHash } from 'node:crypto';
import { MAX_INDEXED_ABSTRACT_CHARS } from '../config.js';
import type { Paper, PaperId } from './paper.js';

/** Longest slug part of a derived id; the hash suffix keeps truncated slugs unique. */
const ID_SLUG_MAX = 48;
const ID_HASH_HEX = 8;

/** NFC-normalize, collapse every whitespace run (newlines, NBSP, tabs) to one space, trim. */
export function cleanText(text: string): string {
  // Matching only runs and non-space whitespace (not every single space) is ~3x faster on large corpora.
  return text.normalize('NFC').replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * The text embedded and indexed for a paper: the one place this rule lives. Only the first
 * MAX_INDEXED_ABSTRACT_CHARS of the abstract count (the whole one is kept for display).
 *
 * @example
 * paperText({ id: 'x', title: 'Attention Is All You Need', abstract: 'We propose…' })
 * // => 'Attention Is All You Need. We propose…'
 */
export function paperText(paper: Pick<Paper, 'title' | 'abstract'>): string {
  const { abstract } = paper;
  return `${paper.title}. ${abstract.length > MAX_INDEXED_ABSTRACT_CHARS ? abstract.slice(0, MAX_INDEXED_ABSTRACT_CHARS) : abstract}`;
}

/**
 * A stable, URL-safe id for a paper without one: a slug of the normalized title plus a
 * sha1 prefix of it, so case, whitespace and Unicode composition do not change the id.
 *
 * @example
 * paperIdFromTitle('  Attention Is  All You Need ')
 * // => 'attention-is-all-you-need-' + 8 hex digits
 */
export function paperIdFromTitle(title: string): PaperId {
  const normalized = cleanText(title).toLowerCase();
  const hash = createHash('sha1').update(normalized).digest('hex').slice(0, ID_HASH_HEX);
  // Decompose only for the slug, so "é" becomes "e" instead of a dash.
  const slug = normalized
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, ID_SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  return slug ? `${slug}-${hash}` : hash;
}

/** 1-based line number of a character offset in `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Shortened, quoted text for error messages. */
export function quote(text: string, max = 60): string {
  const clean = cleanText(text);
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max)}…` : clean);
}
