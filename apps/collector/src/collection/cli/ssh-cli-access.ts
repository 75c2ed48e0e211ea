import type { ParsedRecord } from '@yardmaster/cli-facts';
import { openSshSession, type HostKeyStore, type SshTimeouts } from '@yardmaster/ssh';
import type { GuardedParser, TemplateLibrary } from '@yardmaster/textfsm';
import type { CliAccess } from './cli-access';

export interface SshCliAccessOptions {
  readonly hostKeys: HostKeyStore;
  readonly timeouts: SshTimeouts;
  /**
   * The TextFSM templates (the user's folder, then ntc-templates), opened at first use: a collector that never
   * collects over SSH starts without them, and a device collected without them fails naming the install command.
   */
  readonly templates: () => TemplateLibrary;
  /**
   * Where output is parsed: the same folders on a thread of their own, with a deadline (a template that runs away
   * fails that command with TEXTFSM_RUNAWAY instead of stopping the collector). Left out, `templates` parses inline.
   */
  readonly parser?: () => Pick<GuardedParser, 'parse'>;
}

/** SSH collection as the collector runs it: libs/ssh sessions with host keys pinned per device, libs/textfsm parsing. */
export interface SshCliAccess extends CliAccess {
  /** Whether the index names a template for the platform and command. */
  hasTemplate(platform: string, command: string): boolean;
}

export function sshCliAccess(options: SshCliAccessOptions): SshCliAccess {
  return {
    open: (target) =>
      openSshSession({
        deviceId: target.deviceId,
        host: target.host,
        port: target.port,
        platform: target.platform,
        credentials: target.credentials,
        hostKeys: options.hostKeys,
        // The plan's device timeout may ask for less than the configured command timeout, never for more.
        timeouts: { ...options.timeouts, commandMs: Math.min(options.timeouts.commandMs, target.commandTimeoutMs) },
        signal: target.signal,
      }),
    parse: (platform, command, output) =>
      (options.parser ? options.parser().parse(platform, command, output) : options.templates().parse(platform, command, output)) as Promise<readonly ParsedRecord[]> | readonly ParsedRecord[],
    hasTemplate: (platform, command) => options.templates().choose(platform, command) !== null,
  };
}

/** The library (or parser) opened once, at first use. */
export function openedOnce<T>(open: () => T): () => T {
  let opened: { readonly value: T } | null = null;
  return () => (opened ??= { value: open() }).value;
}
