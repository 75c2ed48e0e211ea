// Installs, builds and makes sure Postgres, NATS and Temporal run, then leaves them running.
import { explain } from './stack/console.mjs';
import { build, ensureInstalled } from './stack/install.mjs';

try {
  ensureInstalled();
  build();
  const { ensureStack } = await import('./stack/ensure-stack.mjs');
  await ensureStack();
} catch (error) {
  process.stderr.write(`[yard] ${explain(error)}\n`);
  process.exit(1);
}
