import { spawn } from 'node:child_process';
import { join } from 'node:path';
// Imported once the build is done: tools/start.mjs loads this module after building.
import { SERVICE_ENVIRONMENT, SERVICE_NODE_FLAGS } from '@yardmaster/config';
import { ROOT } from './install.mjs';

export const SERVICES = ['projection', 'scheduler', 'collector', 'api'];

const COLOURS = { projection: 35, scheduler: 34, collector: 32, api: 36 };

/**
 * Starts one service from its build, its output prefixed with its name; its JSON log lines name it already and stay
 * as they are, so that `npm start | npx pino-pretty` reads them. `output` takes them instead of stdout (a benchmark
 * keeps them in a file).
 */
export function startService(name, env = process.env, { output = process.stdout } = {}) {
  // The memory settings every launcher uses (libs/config/src/service-runtime.ts, README "Memory").
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(ROOT, 'apps', name, 'dist', 'main.js')], {
    cwd: ROOT,
    env: { ...SERVICE_ENVIRONMENT, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = output.isTTY ? `\x1b[${COLOURS[name]}m[${name}]\x1b[0m ` : `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop();
      for (const line of lines) output.write((line.startsWith('{') ? '' : prefix) + line + '\n');
    });
  }
  return child;
}

/** Polls the API's health until every check passes or the time is up; returns the last answer. */
export async function waitForHealth(apiUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${apiUrl}/api/health`);
      last = await response.json();
      if (response.status === 200) return { ready: true, health: last };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { ready: false, health: last };
}
