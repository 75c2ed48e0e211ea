import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Server, utils, type Connection, type ServerChannel } from 'ssh2';
import { ScriptedCli, type CliEffect, type CliScript } from './scripted-cli';

export interface ScriptedSshServerOptions {
  readonly username: string;
  readonly password: string;
  /** A public key (`ssh-ed25519 AAAA…`) that may log in as `username` too. */
  readonly authorizedKey?: string;
  readonly script: CliScript;
  /** A host key in OpenSSH form; a new ed25519 key unless given (so two servers show two keys). */
  readonly hostKey?: string;
}

/**
 * A real SSH server (ssh2's server side) on 127.0.0.1 and a free port, whose shell is a ScriptedCli: the fault tests'
 * device, which can hang, cut its output, close its channel or drop the connection when a command says so.
 */
export class ScriptedSshServer {
  readonly host = '127.0.0.1';
  /** Every shell's CLI, in the order they were opened. */
  readonly shells: ScriptedCli[] = [];
  private readonly connections = new Set<Connection>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    /** Its algorithm and OpenSSH SHA256 fingerprint, as a client should pin them. */
    readonly hostKey: { readonly algorithm: string; readonly fingerprint: string },
    readonly privateHostKey: string,
  ) {}

  static async start(options: ScriptedSshServerOptions): Promise<ScriptedSshServer> {
    const privateHostKey = options.hostKey ?? utils.generateKeyPairSync('ed25519').private;
    const parsed = utils.parseKey(privateHostKey);
    if (parsed instanceof Error) throw parsed;
    const hostKey = { algorithm: parsed.type, fingerprint: `SHA256:${createHash('sha256').update(parsed.getPublicSSH()).digest('base64').replace(/=+$/, '')}` };
    let self: ScriptedSshServer | null = null;
    const server = new Server({ hostKeys: [privateHostKey] }, (connection) => self?.accept(connection, options));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    self = new ScriptedSshServer(server, (server.address() as AddressInfo).port, hostKey, privateHostKey);
    return self;
  }

  async stop(): Promise<void> {
    for (const connection of this.connections) connection.end();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(connection: Connection, options: ScriptedSshServerOptions): void {
    this.connections.add(connection);
    connection.on('close', () => this.connections.delete(connection));
    connection.on('error', () => undefined);
    const authorized = options.authorizedKey ? utils.parseKey(options.authorizedKey) : null;
    if (authorized instanceof Error) throw authorized;
    connection.on('authentication', (context) => {
      if (context.username !== options.username) return context.reject(['password', 'publickey']);
      if (context.method === 'password' && context.password === options.password) return context.accept();
      if (context.method === 'publickey' && authorized && context.key.data.equals(authorized.getPublicSSH())) {
        // Without a signature the client only asks whether the key would do; with one, it must verify.
        if (!context.signature || authorized.verify(context.blob!, context.signature, context.hashAlgo) === true) return context.accept();
      }
      context.reject(['password', 'publickey']);
    });
    connection.on('ready', () => {
      connection.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('pty', (accept) => accept?.());
        session.on('shell', (acceptShell) => this.serveShell(acceptShell(), connection, options.script));
      });
    });
  }

  private serveShell(channel: ServerChannel, connection: Connection, script: CliScript): void {
    const cli = new ScriptedCli(script);
    this.shells.push(cli);
    let hung = false;
    const apply = (effects: CliEffect[]) => {
      for (const effect of effects) {
        if ('write' in effect) channel.write(effect.write);
        else if ('hang' in effect) hung = true;
        else if ('closeChannel' in effect) {
          // Flushed first: the half of the output must reach the client before the close does.
          channel.exit(0);
          channel.end();
        }
        // No SSH disconnect message: the socket just goes, as when a box reboots or a firewall drops the session.
        else (connection as unknown as { _sock: { destroy(): void } })._sock.destroy();
      }
    };
    channel.on('data', (data: Buffer) => {
      if (!hung) apply(cli.type(data.toString('utf8')));
    });
    channel.on('error', () => undefined);
    apply(cli.greeting());
  }
}
