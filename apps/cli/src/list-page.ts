import type { Page } from '@yardmaster/contracts';
import { wholeNumberOption } from './args';
import type { Io } from './io';

/** `--limit`/`-n` of a command that lists a page of the API's answer. */
export const LIMIT_OPTION = { type: 'string', short: 'n' } as const;

/** How many items a listing asks for: `--limit` (1 to 500, the API's bounds), 20 without it. */
export function pageLimit(command: string, raw: string | undefined): number {
  return wholeNumberOption(command, 'limit', raw, 1, 500) ?? 20;
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
