// npm run events:follow [-- --from-start]: the example event consumer (examples/consumers/follow_run_endings.py,
// Python with nats-py) against this checkout's stack: nats-py installed into .yard/event-consumer on first use, the
// NATS address and instance read from YARD_NATS_URL and YARD_INSTANCE as the services read them.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureEventConsumerVenv } from '../stack/event-consumer.mjs';
import { ROOT } from '../stack/install.mjs';

const python = ensureEventConsumerVenv();
const nats = process.env.YARD_NATS_URL ?? 'nats://127.0.0.1:4222';
const instance = process.env.YARD_INSTANCE ?? 'yard';
const child = spawn(python, [join(ROOT, 'examples', 'consumers', 'follow_run_endings.py'), '--nats', nats, '--instance', instance, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
