// `npm start`: install when needed, build, bring up Postgres, NATS and Temporal (reusing any that run),
// start the four services and print where to reach them. Ctrl-C stops what this command started.
import { explain, say } from './stack/console.mjs';
import { build, ensureInstalled } from './stack/install.mjs';

const HEALTH_TIMEOUT_MS = 120_000;

async function main() {
  ensureInstalled();
  build();
  const { ensureStack } = await import('./stack/ensure-stack.mjs');
  const { SERVICES, startService, waitForHealth } = await import('./stack/services.mjs');
  const { ensureLocalAdmin } = await import('./stack/admin-token.mjs');
  const stack = await ensureStack();
  // Installed, not started: simulated SNMP devices to collect from (README, "SNMP collection").
  const { ensureSnmpsim } = await import('./stack/snmpsim.mjs');
  ensureSnmpsim();
  // The TextFSM templates of `yard parse` and the SSH collectors (README, "Parsing device output (TextFSM)").
  const { ensureNtcTemplates } = await import('./stack/ntc-templates.mjs');
  ensureNtcTemplates();
  // Installed, not started: fake SSH devices to log in to (README, "SSH collection"; `npm run fake:devices`).
  const { ensureFakenos } = await import('./stack/fakenos.mjs');
  ensureFakenos();
  const { ensureSecretsKey } = await import('./stack/secrets-key.mjs');
  ensureSecretsKey();
  const admin = await ensureLocalAdmin(stack.config.database.databaseUrl);
  const apiHost = process.env.YARD_API_HOST || '127.0.0.1';
  const apiUrl = `http://${apiHost}:${process.env.YARD_API_PORT || 3000}`;

  const children = SERVICES.map((name) => ({ name, child: startService(name) }));
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    say('Stopping the services…');
    for (const { child } of children) child.kill('SIGTERM');
    await Promise.all(children.map(({ child }) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
    await stack.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const { name, child } of children) {
    child.once('exit', (code) => {
      if (!stopping) {
        say(`${name} exited with ${code}: stopping everything`);
        void stop(1);
      }
    });
  }

  const { ready, health } = await waitForHealth(apiUrl, HEALTH_TIMEOUT_MS);
  if (!ready) {
    say(`The stack did not become healthy within ${HEALTH_TIMEOUT_MS / 1000} s: ${JSON.stringify(health)}`);
    return stop(1);
  }
  say('Yardmaster is up:');
  say(`  REST API     ${apiUrl}/api`);
  say(`  API docs     ${apiUrl}/api/docs   (spec: ${apiUrl}/api/docs-json)`);
  say(`  Health       ${apiUrl}/api/health`);
  say(`  Temporal UI  ${stack.config.temporal.uiUrl}`);
  if (admin.created) say(`Created the administrator 'admin'; its token is in ${admin.tokenFile} (readable by you only).`);
  if (admin.tokenFile) {
    say(`Token: export YARD_TOKEN=$(cat ${admin.tokenFile})   (or: npx yard login --token "$(cat ${admin.tokenFile})")`);
  } else {
    say('Every request needs a token: an administrator issues one (POST /api/users/{name}/tokens), or run');
    say('  npm run yard-admin -- create-admin <username>   to make yourself an administrator and print a token.');
  }
  say(
    `Try: curl -s -X POST ${apiUrl}/api/jobs/examples.HelloWorld/runs -H "Authorization: Bearer $YARD_TOKEN" -H 'content-type: application/json' -d '{"data":{"name":"yard","count":3}}'`,
  );
  say('Ctrl-C stops the services (and any server this command started).');
}

main().catch((error) => {
  process.stderr.write(`[yard] ${explain(error)}\n`);
  process.exit(1);
});
