// What every benchmark needs to talk to a running stack as its administrator: the token, one request function
// that stops the benchmark on a refused token (figures measured on 401s would be figures of the auth guard),
// and one-line failures the user can act on instead of stack traces.
import { readFileSync } from 'node:fs';
import { ADMIN_TOKEN_FILE } from '../stack/admin-token.mjs';

// The API of `npm start` on YARD_API_PORT (as the services read it) unless YARD_URL names another.
export const BASE_URL = process.env.YARD_URL ?? `http://${process.env.YARD_API_HOST || '127.0.0.1'}:${process.env.YARD_API_PORT || 3000}`;
const REFUSED = new Set([401, 403]);

/** A reason to stop that the user can act on: printed as one line, without a stack trace. */
export class BenchStop extends Error {}

/** `--name <number>` from the command line, or the fallback. */
export function numberArgument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** The administrator's token and where it came from (for messages; the token itself is never printed). */
export function adminToken() {
  if (process.env.YARD_TOKEN) return { token: process.env.YARD_TOKEN, source: 'YARD_TOKEN' };
  try {
    return { token: readFileSync(ADMIN_TOKEN_FILE, 'utf8').trim(), source: ADMIN_TOKEN_FILE };
  } catch {
    throw new BenchStop(
      `no token: set YARD_TOKEN, or run \`npm start\` once so that it writes ${ADMIN_TOKEN_FILE} ` +
        "(when the database already had users, another checkout's: `npm run yard-admin -- create-admin <you>` prints a token for YARD_TOKEN)",
    );
  }
}

/**
 * Requests with the administrator's token. `request` answers `{ status, text }` whatever the status; `call`
 * answers the parsed body of a 2xx and throws otherwise. Both throw BenchStop when the API refuses the token,
 * cannot be reached, or does not answer within `timeoutMs`.
 */
export function adminApi({ timeoutMs } = {}) {
  const { token, source } = adminToken();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  async function request(method, path, body) {
    let response;
    try {
      const signal = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
      response = await fetch(`${BASE_URL}${path}`, { method, headers, body: body && JSON.stringify(body), signal });
    } catch (error) {
      if (error.name === 'TimeoutError') throw new BenchStop(`${method} ${path}: no answer within ${timeoutMs / 1000} s`);
      throw new BenchStop(`cannot reach the API at ${BASE_URL} (${error.cause?.code ?? error.message}): start the stack with \`npm start\`, or set YARD_URL`);
    }
    const text = await response.text();
    if (REFUSED.has(response.status)) {
      throw new BenchStop(`${method} ${path} answered ${response.status} ${codeOf(text)}: the token from ${source} was refused (the benchmarks need an administrator's token)`);
    }
    return { status: response.status, text };
  }
  async function call(method, path, body) {
    const { status, text } = await request(method, path, body);
    if (status >= 300) throw new BenchStop(`${method} ${path} answered ${status}: ${text}`);
    return JSON.parse(text);
  }
  return { request, call };
}

function codeOf(text) {
  try {
    return JSON.parse(text).code ?? '';
  } catch {
    return '';
  }
}

/** The command that repeats this measurement, naming YARD_URL when it is not the default. */
export function rerunCommand(script, args) {
  const url = process.env.YARD_URL ? `YARD_URL=${process.env.YARD_URL} ` : process.env.YARD_API_PORT ? `YARD_API_PORT=${process.env.YARD_API_PORT} ` : '';
  return `${url}npm run ${script} -- ${args}`;
}

/** Runs a benchmark; any failure ends the process with code 1 and one line on stderr (a stack only for bugs). */
export async function runBench(script, measure) {
  try {
    await measure();
  } catch (error) {
    console.error(`${script}: ${error instanceof BenchStop ? error.message : error.stack}`);
    process.exitCode = 1;
  }
}
