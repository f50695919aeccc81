/**
 * @file The paper record every stage passes along, and its id type.
 */

/** A stable paper identifier: the source's own id (e.g. an arXiv id) or one derived from the title. */
export type PaperId = string;

export interface Paper {
  id: PaperId;
  title: string;
  abstract: string;
  authors?: string[];
  year?: number;
  /** Publication month, "YYYY-MM", when the source says it (src/corpus/paperDate.ts). */
  date?: string;
  categories?: string[];
  url?: string;
}
