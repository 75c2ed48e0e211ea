// Installs, builds and makes sure Postgres, NATS and Temporal run, then leaves them running; installs the SNMP simulator and the fake SSH devices.
import { explain } from './stack/console.mjs';
import { build, ensureInstalled } from './stack/install.mjs';

try {
  ensureInstalled();
  build();
  const { ensureStack } = await import('./stack/ensure-stack.mjs');
  await ensureStack();
  // Installed, not started: the SNMP tests and benchmarks start simulators of their own.
  const { ensureSnmpsim } = await import('./stack/snmpsim.mjs');
  ensureSnmpsim();
  // The TextFSM templates of `yard parse` and the SSH collectors (README, "Parsing device output (TextFSM)").
  const { ensureNtcTemplates } = await import('./stack/ntc-templates.mjs');
  ensureNtcTemplates();
  const { ensureFakenos } = await import('./stack/fakenos.mjs');
  ensureFakenos();
} catch (error) {
  process.stderr.write(`[yard] ${explain(error)}\n`);
  process.exit(1);
}
