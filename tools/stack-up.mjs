// Installs, builds and makes sure Postgres, NATS and Temporal run, then leaves them running.
import { MissingDependency } from './stack/console.mjs';
import { build, ensureInstalled } from './stack/install.mjs';

try {
  ensureInstalled();
  build();
  const { ensureStack } = await import('./stack/ensure-stack.mjs');
  await ensureStack();
} catch (error) {
  process.stderr.write(`[yard] ${error instanceof MissingDependency ? error.message : error.stack}\n`);
  process.exit(1);
}
