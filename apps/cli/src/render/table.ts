import { stripAnsi, type Paint } from './colours';

export interface TableOptions {
  /** Paints the header row, e.g. bold; cells may carry colours of their own. */
  readonly header?: Paint;
  /** Between columns; two spaces by default. */
  readonly gap?: string;
}

/**
 * A plain-text table: a header row, then one row per item, each column as wide as its widest cell (measured
 * without colour codes), no trailing spaces. A cell's line breaks become spaces, so a row stays one line.
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const gap = options.gap ?? '  ';
  const paintHeader = options.header ?? ((text: string) => text);
  const cells = rows.map((row) => headers.map((_, column) => oneLine(row[column] ?? '')));
  const widths = headers.map((header, column) => Math.max(visibleWidth(header), ...cells.map((row) => visibleWidth(row[column]))));
  const format = (row: readonly string[], paint: Paint = (text) => text) =>
    row
      .map((cell, column) => (column === row.length - 1 ? paint(cell) : paint(cell) + ' '.repeat(widths[column] - visibleWidth(cell))))
      .join(gap)
      .trimEnd();
  return [format(headers, paintHeader), ...cells.map((row) => format(row))].join('\n') + '\n';
}

/** Columns a string takes on a terminal: its code points without colour codes (wide characters count as one). */
export function visibleWidth(text: string): number {
  return [...stripAnsi(text)].length;
}

function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}
