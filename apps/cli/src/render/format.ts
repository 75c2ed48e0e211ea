import type { LogObjectRef } from '@yardmaster/contracts';
import { paintForLevel, type Palette } from './colours';

/** A log entry, from the logs endpoint or a `run.log` event alike. */
export interface LogLine {
  readonly level: string;
  readonly grouping: string;
  readonly message: string;
  readonly object?: LogObjectRef | null;
  readonly attempt?: number;
  readonly loggedAt?: string;
}

const LEVEL_WIDTH = 'warning'.length;

/**
 * `12:00:01  info     run       Hello, yard (1 of 3)  [device edge-01]`, coloured by level: the time dim, then
 * level, step and message in the level's colour. An entry from a retried attempt says which.
 */
export function formatLogLine(entry: LogLine, palette: Palette, groupingWidth = 8): string {
  const paint = paintForLevel(palette, entry.level);
  const time = entry.loggedAt ? formatTime(entry.loggedAt) : '--:--:--';
  const object = entry.object ? `  [${entry.object.type} ${entry.object.display ?? entry.object.id}]` : '';
  const attempt = entry.attempt !== undefined && entry.attempt > 1 ? `  (attempt ${entry.attempt})` : '';
  const text = `${entry.level.padEnd(LEVEL_WIDTH)}  ${entry.grouping.padEnd(groupingWidth)}  ${entry.message}${object}${attempt}`;
  return `${palette.dim(time)}  ${paint(text)}`;
}

/** Local time of day, `HH:MM:SS`; the ISO text as given when it is not a time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map(two).join(':');
}

/** Local date and time, `YYYY-MM-DD HH:MM:SS`; `-` for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${formatTime(iso)}`;
}

/** `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`. */
export function formatDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) return '-';
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const wholeSeconds = Math.round(seconds);
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes < 60) return `${minutes} min ${two(wholeSeconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${two(minutes % 60)} min`;
}

/** The time between two ISO instants; null unless both are given. */
export function durationBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const value = new Date(to).getTime() - new Date(from).getTime();
  return Number.isFinite(value) ? value : null;
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}
