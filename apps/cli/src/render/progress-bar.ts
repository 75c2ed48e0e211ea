export interface Progress {
  readonly total: number;
  readonly done: number;
  readonly failed?: number;
}

/**
 * One line: `[##########--------------]  5/12  41%  1 failed`. `unicode` draws the bar with block characters
 * (for a terminal); otherwise `#` and `-`.
 */
export function renderProgressBar(progress: Progress, options: { readonly width?: number; readonly unicode?: boolean } = {}): string {
  const width = options.width ?? 24;
  const total = Math.max(0, Math.floor(finite(progress.total)));
  const done = Math.max(0, Math.floor(finite(progress.done)));
  const failed = Math.max(0, Math.floor(finite(progress.failed ?? 0)));
  const fraction = total === 0 ? 0 : Math.min(1, done / total);
  const filled = Math.round(fraction * width);
  const [full, empty] = options.unicode ? ['█', '░'] : ['#', '-'];
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const counts = `${String(done).padStart(String(total).length)}/${total}`;
  return `[${full.repeat(filled)}${empty.repeat(width - filled)}] ${counts} ${percent}${failed > 0 ? `  ${failed} failed` : ''}`;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
