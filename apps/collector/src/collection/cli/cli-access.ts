import type { SshCredentials } from '@yardmaster/contracts';
import type { CommandRunner, ParseOutput } from './collect-over-cli';

/** Where and as whom one device's SSH session goes. */
export interface CliTarget {
  readonly deviceId: string;
  readonly deviceName: string;
  readonly host: string;
  readonly port: number;
  /** The platform's network driver (`cisco_ios`, …): how to find the prompt, turn paging off, go privileged. */
  readonly platform: string;
  readonly credentials: SshCredentials;
  /** Aborted when the run is cancelled: the session closes at once. */
  readonly signal: AbortSignal;
  /** Each command's deadline; the connect deadline is the driver's own. */
  readonly commandTimeoutMs: number;
}

/** One device session, reused for all of a collection's commands, closed on every path out. */
export interface CliSession extends CommandRunner {
  close(): void;
}

/**
 * What SSH collection needs from the collector: sessions to devices (the SSH driver, with host keys pinned per
 * device) and the parser (TextFSM with ntc-templates' index). Absent where the collector was started without them.
 */
export interface CliAccess {
  open(target: CliTarget): Promise<CliSession>;
  readonly parse: ParseOutput;
}
