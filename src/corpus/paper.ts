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
  categories?: string[];
  url?: string;
}
