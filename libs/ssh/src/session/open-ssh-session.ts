import { createRequire } from 'node:module';
import type * as Ssh2 from 'ssh2';
import type { Client, ClientChannel, ConnectConfig } from 'ssh2';
import { hostKeyOf } from '../host-keys/host-key';
import { verifyHostKey } from '../host-keys/verify-host-key';
import { isSshPlatform, PLATFORM_PROFILES, SSH_PLATFORMS, type SshPlatform } from '../platforms/ssh-platforms';
import { DeviceShell } from '../shell/device-shell';
import type { ChannelEnd, ShellChannel } from '../shell/shell-channel';
import { connectErrorOf } from './connect-error';
import { SshError } from './ssh-error';
import type { SshSession } from './ssh-session';
import { SSH_DEFAULT_TIMEOUTS, type SshTarget } from './ssh-target';

/** SSH keepalives find a dead peer (a box that lost power sends no FIN) within about 3 × this. */
const KEEPALIVE_INTERVAL_MS = 10_000;

/**
 * Connects, authenticates (password, key, or the password through keyboard-interactive), checks the host key against
 * the pinned one, opens an interactive shell and prepares it (prompt, enable, paging off). Throws SshError; nothing
 * stays open when it throws.
 */
export async function openSshSession(target: SshTarget): Promise<SshSession> {
  const timeouts = { ...SSH_DEFAULT_TIMEOUTS, ...target.timeouts };
  const port = target.port ?? 22;
  const where = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${port}`;
  const { credentials, signal } = target;
  if (signal?.aborted) throw cancelled(where);
  const platform = target.platform;
  if (!isSshPlatform(platform)) throw new SshError('SSH_UNSUPPORTED_PLATFORM', `${where}: no SSH driver for platform ${JSON.stringify(platform)} (known: ${SSH_PLATFORMS.join(', ')})`);
  if (!credentials.password && !credentials.privateKey) throw new SshError('SSH_BAD_CREDENTIALS', `${where}: the credential set ${credentials.name} has neither a password nor a private key`);

  const client = new (ssh2().Client)();
  // ssh2 may emit a second error after the first (a timeout, then the lost socket): the first one speaks, none throws.
  client.on('error', () => undefined);
  let hostKeyFailure: SshError | null = null;
  const config: ConnectConfig = {
    host: target.host,
    port,
    username: credentials.username,
    readyTimeout: timeouts.connectMs,
    keepaliveInterval: KEEPALIVE_INTERVAL_MS,
    keepaliveCountMax: 3,
    tryKeyboard: credentials.password !== null,
    hostVerifier: (blob: Buffer, verify: (valid: boolean) => void) => {
      verifyHostKey(target.hostKeys, target.deviceId, where, hostKeyOf(blob)).then(
        () => verify(true),
        (error: unknown) => {
          hostKeyFailure = error instanceof SshError ? error : new SshError('SSH_FAILED', `${where}: the pinned host key could not be read: ${String(error)}`);
          verify(false);
        },
      );
    },
    ...(credentials.password ? { password: credentials.password } : {}),
    ...(credentials.privateKey ? { privateKey: credentials.privateKey, ...(credentials.passphrase ? { passphrase: credentials.passphrase } : {}) } : {}),
  };
  if (credentials.password) {
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => credentials.password!)));
  }

  const onAbort = () => client.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  let channel: ClientChannel;
  try {
    await connect(client, config);
    channel = await openShell(client);
  } catch (error) {
    client.destroy();
    if (signal?.aborted) throw cancelled(where);
    throw hostKeyFailure ?? connectErrorOf(error, where, credentials.username, timeouts.connectMs);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }

  const shellChannel = shellChannelOf(client, channel);
  const pending = DeviceShell.start(shellChannel, PLATFORM_PROFILES[platform], {
    target: where,
    enableSecret: credentials.enableSecret ?? null,
    commandTimeoutMs: timeouts.commandMs,
    idleTimeoutMs: timeouts.idleMs,
  });
  // Ends the login: the shell fails on the closed connection, and the failure is reported as the cancel it is.
  const abortDuringLogin = () => client.destroy();
  signal?.addEventListener('abort', abortDuringLogin, { once: true });
  let shell: DeviceShell;
  try {
    shell = await pending;
  } catch (error) {
    client.destroy();
    throw signal?.aborted ? cancelled(where) : error;
  } finally {
    signal?.removeEventListener('abort', abortDuringLogin);
  }
  return new ShellSession(where, platform, shell, signal);
}

class ShellSession implements SshSession {
  private readonly onAbort = () => this.shell.close(cancelled(this.target));

  constructor(
    readonly target: string,
    readonly platform: SshPlatform,
    private readonly shell: DeviceShell,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get prompt(): string {
    return this.shell.promptText;
  }

  runCommand(command: string): Promise<string> {
    return this.shell.runCommand(command);
  }

  run(command: string): Promise<string> {
    return this.shell.runCommand(command);
  }

  async runCommands(commands: readonly string[]): Promise<Map<string, string>> {
    const outputs = new Map<string, string>();
    for (const command of commands) outputs.set(command, await this.shell.runCommand(command));
    return outputs;
  }

  close(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.shell.close();
  }
}

function connect(client: Client, config: ConnectConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      client.off('ready', onReady);
      reject(error);
    };
    const onReady = () => {
      client.off('error', onError);
      resolve();
    };
    client.once('error', onError);
    client.once('ready', onReady);
    // A connection that closes before 'ready' without an error (the abort's destroy) must not leave this hanging.
    client.once('close', () => reject(Object.assign(new Error('the connection closed while logging in'), { code: 'ECONNRESET' })));
    try {
      client.connect(config);
    } catch (error) {
      reject(error);
    }
  });
}

function openShell(client: Client): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    // vt100 and 511 columns, as netmiko: no device wraps a line before 511 characters.
    client.shell({ term: 'vt100', cols: 511, rows: 24 }, (error, channel) => (error ? reject(error) : resolve(channel)));
  });
}

/** The ssh2 shell channel and its connection as one ShellChannel: either ending ends it. */
function shellChannelOf(client: Client, channel: ClientChannel): ShellChannel {
  let closing = false;
  let endListener: ((end: ChannelEnd) => void) | null = null;
  let connectionError: Error | undefined;
  const ended = (end: ChannelEnd) => {
    if (closing) return;
    closing = true;
    endListener?.(end);
    client.destroy();
  };
  client.on('error', (error) => (connectionError = error));
  client.on('close', () => ended({ by: 'connection', error: connectionError }));
  // The channel closing alone (the connection still up) is the device ending the shell; a connection that drops
  // closes its channels first, so let the connection's own close (same tick's I/O) speak first.
  channel.on('close', () => setImmediate(() => ended(connectionError ? { by: 'connection', error: connectionError } : { by: 'channel' })));
  return {
    write: (text) => {
      if (!closing) channel.write(text);
    },
    onData: (listener) => {
      channel.on('data', (chunk: Buffer) => listener(chunk.toString('utf8')));
      channel.stderr.on('data', (chunk: Buffer) => listener(chunk.toString('utf8')));
    },
    onEnd: (listener) => {
      endListener = listener;
    },
    close: () => {
      closing = true;
      channel.close();
      client.end();
      // A peer that does not answer the close must not keep the socket: destroy once it had its chance.
      setTimeout(() => client.destroy(), 1_000).unref();
    },
  };
}

function cancelled(where: string): SshError {
  return new SshError('SSH_CANCELLED', `${where}: cancelled`);
}

/**
 * ssh2, loaded with the first session: a collector that never talks SSH (SNMP plans, ordinary jobs) does without it
 * (its module graph, required alone, went from 105.4 to 103.2 MB of resident memory with this and the lazy textfsm).
 */
function ssh2(): typeof Ssh2 {
  return createRequire(__filename)('ssh2') as typeof Ssh2;
}
