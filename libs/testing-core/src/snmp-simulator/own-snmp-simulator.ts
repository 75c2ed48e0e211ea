import { createSocket } from 'node:dgram';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as snmp from 'net-snmp';
import { OwnedProcess } from '../own-servers/owned-process';
import { withIndexLock } from './index-lock';
import { prepareRecordings } from './prepared-recordings';
import { SNMPSIM_DIR, snmpsimVenv } from './snmpsim-install';

/** An SNMPv3 user the simulator accepts; its context name picks the recording, as the community does for v2c. */
export interface SimulatedV3User {
  name: string;
  authProtocol: 'MD5' | 'SHA' | 'SHA224' | 'SHA256' | 'SHA384' | 'SHA512';
  authKey: string;
  privProtocol: 'DES' | 'AES' | 'AES256';
  privKey: string;
}

export interface SnmpSimulatorOptions {
  /** snmpsim-data recordings by the name they are served under, e.g. `network/switch/cisco-c3560`. */
  recordings: readonly string[];
  /** Serve only the records under these OIDs (faster first start; see prepareRecordings). Whole recordings if unset. */
  subtrees?: readonly string[];
  v3Users?: readonly SimulatedV3User[];
  /**
   * How long a start may wait for another simulator's start (the index lock) and index its recordings: 25 minutes
   * unless given (all network recordings, first time, on a busy machine); a cached index makes it seconds.
   */
  startTimeoutMs?: number;
}

/**
 * An snmpsim process of the test's own on 127.0.0.1 and a UDP port of its own, replaying recordings of real devices
 * (PyPI snmpsim-data). The v2c community (and the v3 context name) is the recording's name.
 */
export class OwnSnmpSimulator {
  private constructor(
    readonly port: number,
    private readonly process: OwnedProcess,
  ) {}

  readonly host = '127.0.0.1';

  static async start(options: SnmpSimulatorOptions): Promise<OwnSnmpSimulator> {
    if (options.recordings.length === 0) throw new Error('The SNMP simulator needs at least one recording');
    const venv = snmpsimVenv();
    const dataDir = prepareRecordings(venv, options.recordings, options.subtrees);
    const indexDir = join(SNMPSIM_DIR, 'index');
    mkdirSync(indexDir, { recursive: true });
    const port = await freeUdpPort();
    const args = [
      `--data-dir=${dataDir}`,
      `--cache-dir=${indexDir}`,
      `--agent-udpv4-endpoint=127.0.0.1:${port}`,
      // snmpsim writes one wherever it is told (default: /var/run); it is not read.
      `--pid-file=${join(tmpdir(), `yard-snmpsim-${port}.pid`)}`,
      ...(options.v3Users ?? []).flatMap((user) => [
        `--v3-user=${user.name}`,
        `--v3-auth-key=${user.authKey}`,
        `--v3-auth-proto=${user.authProtocol}`,
        `--v3-priv-key=${user.privKey}`,
        `--v3-priv-proto=${user.privProtocol}`,
      ]),
    ];
    // snmpsim refuses to run as root unless told to; the machines run tests as root.
    const env = { ...process.env, SNMPSIM_ALLOW_ROOT: 'true' };
    const owned = new OwnedProcess(join(venv, 'bin', 'snmpsim-command-responder'), args, { env });
    const simulator = new OwnSnmpSimulator(port, owned);
    const timeoutMs = options.startTimeoutMs ?? 1_500_000;
    await withIndexLock(timeoutMs, async () => {
      owned.spawn();
      await simulator.waitUntilAnswering(options.recordings[0], timeoutMs);
    });
    return simulator;
  }

  /** The v2c community (or v3 context name) that selects `recording`. */
  communityFor(recording: string): string {
    return recording;
  }

  get logs(): string {
    return this.process.logs;
  }

  dispose(): Promise<void> {
    return this.process.stop('SIGTERM', 5_000);
  }

  private async waitUntilAnswering(recording: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.answers(recording))) {
      if (!this.process.isRunning) throw new Error(`The SNMP simulator exited before answering:\n${this.process.logs}`);
      if (Date.now() > deadline) {
        await this.process.kill();
        throw new Error(`The SNMP simulator on 127.0.0.1:${this.port} did not answer within ${timeoutMs} ms:\n${this.process.logs}`);
      }
    }
  }

  /** One GETNEXT from the MIB's root: any answer (even an empty recording's endOfMibView) means ready. */
  private answers(recording: string): Promise<boolean> {
    const session = snmp.createSession(this.host, recording, { port: this.port, version: snmp.Version2c, timeout: 1_000, retries: 0 });
    return new Promise<boolean>((resolve) => {
      session.getNext(['1.3.6'], (error: Error | null) => resolve(!error || error.name !== 'RequestTimedOutError'));
    }).finally(() => session.close());
  }
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
