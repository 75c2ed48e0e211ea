import type { Page } from '@yardmaster/contracts';
import { wholeNumberOption } from './args';
import type { Io } from './io';
import type { OptionHelp } from './render/options-help';

/** The API's bounds on a page, and what a listing asks for without `--limit`. */
const MAX_PAGE_LIMIT = 500;
const DEFAULT_PAGE_LIMIT = 20;

/** `--limit`/`-n` of a command that lists a page of the API's answer. */
export const LIMIT_OPTION = { type: 'string', short: 'n' } as const;

/** How `--help` describes `--limit`, e.g. `at most n runs (1 to 500; default 20)`. */
export function limitHelp(noun: string): OptionHelp {
  return ['-n, --limit <n>', `at most n ${noun} (1 to ${MAX_PAGE_LIMIT}; default ${DEFAULT_PAGE_LIMIT})`];
}

/** How many items a listing asks for: `--limit`, else the default. */
export function pageLimit(command: string, raw: string | undefined): number {
  return wholeNumberOption(command, 'limit', raw, 1, MAX_PAGE_LIMIT) ?? DEFAULT_PAGE_LIMIT;
}

/** Writes a page as a table, or a line saying it is empty; then how many were left out, when some were. */
export function writePage<T>(io: Io, page: Page<T>, noun: string, renderTable: (items: readonly T[]) => string): void {
  const { stdout, palette } = io;
  if (page.items.length === 0) {
    stdout.write(`No ${noun}.\n`);
    return;
  }
  stdout.write(renderTable(page.items));
  if (page.total > page.items.length) stdout.write(palette.dim(`${page.items.length} of ${page.total} ${noun} (--limit for more)\n`));
}
