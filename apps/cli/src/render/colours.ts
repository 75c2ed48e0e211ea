import type { LogLevel, RunStatus } from '@yardmaster/contracts';

export type Paint = (text: string) => string;

/** ANSI styles, or the identity for each when colours are off. */
export interface Palette {
  readonly enabled: boolean;
  readonly dim: Paint;
  readonly bold: Paint;
  readonly red: Paint;
  readonly green: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
}

const style =
  (open: number, close: number): Paint =>
  (text) =>
    text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

export function createPalette(enabled: boolean): Palette {
  if (!enabled) return { enabled, dim: plain, bold: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  return { enabled, dim: style(2, 22), bold: style(1, 22), red: style(31, 39), green: style(32, 39), yellow: style(33, 39), cyan: style(36, 39) };
}

/** debug dim, info as is, success green, warning yellow, failure red. */
export function paintForLevel(palette: Palette, level: LogLevel | string): Paint {
  switch (level) {
    case 'debug':
      return palette.dim;
    case 'success':
      return palette.green;
    case 'warning':
      return palette.yellow;
    case 'failure':
      return palette.red;
    default:
      return plain;
  }
}

/** completed green, failed and errored red, cancelled and timed_out yellow, running cyan, the rest as is. */
export function paintForStatus(palette: Palette, status: RunStatus | string): Paint {
  switch (status) {
    case 'completed':
      return palette.green;
    case 'failed':
    case 'errored':
      return palette.red;
    case 'cancelled':
    case 'timed_out':
      return palette.yellow;
    case 'running':
      return palette.cyan;
    default:
      return plain;
  }
}

const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');

/** The text without its colours: what a terminal shows. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
