import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** One folder per recording (`<date>-<what code>`), each holding one history per shape: `<shape>.json`. */
export const HISTORIES = path.join(__dirname, 'histories');

export interface HistoryFile {
  /** `<set>/<shape>.json`: how the replay names it. */
  readonly name: string;
  readonly shape: string;
  readonly file: string;
}

export function historyFiles(): HistoryFile[] {
  return readdirSync(HISTORIES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((set) =>
      readdirSync(path.join(HISTORIES, set.name))
        .filter((file) => file.endsWith('.json'))
        .map((file) => ({ name: `${set.name}/${file}`, shape: file.slice(0, -'.json'.length), file: path.join(HISTORIES, set.name, file) })),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}
