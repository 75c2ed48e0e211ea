import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from './errors';

/** What `yard login` keeps: where the API is and the token to send it. */
export interface SavedLogin {
  readonly url: string;
  readonly token: string;
}

/** `$XDG_CONFIG_HOME/yardmaster/config.json`, else `~/.config/yardmaster/config.json`. */
export function configPathFrom(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.config');
  return join(base, 'yardmaster', 'config.json');
}

/**
 * The saved login; null when there is none. A file that is not one is a usage error naming it, whose hints start
 * with `program` (how the person started the CLI).
 */
export function readSavedLogin(path: string, program: string): SavedLogin | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<SavedLogin>;
    if (typeof parsed.url === 'string' && typeof parsed.token === 'string') return { url: parsed.url, token: parsed.token };
  } catch {
    // Reported below.
  }
  throw new UsageError(`${path} is not a saved login`, [`run \`${program} login\` again, or \`${program} logout\` to remove it`]);
}

/** Writes the login readable by its owner only: the token is a secret. */
export function writeSavedLogin(path: string, login: SavedLogin): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created: an older file keeps its mode unless told.
  chmodSync(path, 0o600);
}

/** Removes the saved login; false when there was none. */
export function removeSavedLogin(path: string): boolean {
  try {
    readFileSync(path);
  } catch {
    return false;
  }
  rmSync(path, { force: true });
  return true;
}
