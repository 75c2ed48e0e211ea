import { randomBytes } from 'node:crypto';

/**
 * A suffix for the names a test file gives users, schedules and inventory objects on the shared stack, where other
 * files create theirs too: `bob-3fa2b1`, `Access Switch 3fa2b1`. Lower-case letters and digits, so slugs keep it.
 */
export function uniqueSuffix(): string {
  return randomBytes(3).toString('hex');
}
