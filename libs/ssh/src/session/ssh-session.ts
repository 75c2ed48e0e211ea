import type { SshPlatform } from '../platforms/ssh-platforms';

/** One device's CLI session: every command of a collection runs on it, one after another. */
export interface SshSession {
  /** `host:port`, for messages. */
  readonly target: string;
  readonly platform: SshPlatform;
  /** The prompt once ready, e.g. `router1#`. */
  readonly prompt: string;
  /** The command's raw text without the echoed command and the trailing prompt. Throws SshError (and the session is then closed). */
  runCommand(command: string): Promise<string>;
  /** `runCommand` under the name the collectors' command runner uses. */
  run(command: string): Promise<string>;
  /** Runs `commands` in order on this session: each command's raw text, by command. */
  runCommands(commands: readonly string[]): Promise<Map<string, string>>;
  close(): void;
}
