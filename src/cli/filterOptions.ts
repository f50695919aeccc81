/**
 * @file The filter flags of `paperscope search` and `similar` (`--from`, `--to`, `--cat`,
 * `--topic`), parsed by the same code as the API's filter parameters (src/search/filterSpec.ts).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { filterEcho, FilterError, parseFilterParams, type FilterParams } from '../search/filterSpec.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import { resolveFilter, type RowFilter } from '../search/rowFilter.js';

/** Adds the four filter flags to `command`. */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--from <YYYY[-MM]>', 'only papers dated from this year or month on (inclusive)')
    .option('--to <YYYY[-MM]>', 'only papers dated up to this year or month (inclusive)')
    .option('--cat <list>', 'only papers in any of these categories (comma-separated, e.g. cs.CL,cs.LG)')
    .option('--topic <id>', 'only papers in this topic (a cluster id of either level)');
}

/** The rows the flags keep in `index`; a bad value is an error naming its flag. */
export function filterFromOptions(index: LoadedIndex, options: FilterParams): RowFilter {
  try {
    return resolveFilter(index, parseFilterParams({ from: options.from, to: options.to, cat: options.cat, topic: options.topic }));
  } catch (err) {
    if (err instanceof FilterError) throw new InvalidArgumentError(`--${err.param}: ${err.message}`);
    throw err;
  }
}

/** " (from 2025-06, cat cs.CL: 1204 papers match)", or '' without filters. */
export function describeFilter(filter: RowFilter): string {
  const parts = Object.entries(filterEcho(filter.spec)).map(([name, value]) => `${name} ${Array.isArray(value) ? value.join(',') : value}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')}: ${filter.matching} papers match)`;
}
