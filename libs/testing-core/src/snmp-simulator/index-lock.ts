import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNMPSIM_DIR } from './snmpsim-install';

/**
 * One simulator at a time may start on this machine's shared index (.yard/snmpsim/index): two snmpsim processes
 * building the same recording's index at once corrupt it. Held from spawn until the simulator answers; a lock whose
 * holder died is taken over.
 */
export async function withIndexLock<T>(timeoutMs: number, body: () => Promise<T>): Promise<T> {
  const lock = join(SNMPSIM_DIR, 'index.lock');
  mkdirSync(SNMPSIM_DIR, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(lock)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`The SNMP simulator index lock ${lock} stayed taken for ${timeoutMs} ms`);
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return true; // Just created, the pid not yet written.
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
