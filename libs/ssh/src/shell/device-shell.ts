import type { PlatformProfile } from '../platforms/ssh-platforms';
import { SshError } from '../session/ssh-error';
import { commandOutputOf, normaliseDeviceText } from './output-text';
import { basePromptOf, endOf, endsWithAnyPrompt, lastLine, PAGER, promptPattern } from './prompt';
import type { ChannelEnd, ShellChannel } from './shell-channel';

export interface ShellOptions {
  /** `host:port`, for messages. */
  readonly target: string;
  readonly enableSecret: string | null;
  /** Per command (and for the login prompt): the prompt must be back within it. */
  readonly commandTimeoutMs: number;
  /** The shell closes itself after this long without a command. */
  readonly idleTimeoutMs: number;
}

interface Waiter {
  readonly done: (text: string) => boolean;
  readonly resolve: (text: string) => void;
  readonly reject: (error: SshError) => void;
  /** The error when the channel ends while waiting, given what had come by then. */
  readonly ended: (text: string, end: ChannelEnd) => SshError;
}

/** A pattern that never matches: output cut short has no prompt to strip. */
const NOTHING = /(?!)/;
const PASSWORD_PROMPT = /(?:^|\n)\s*(?:enable )?password:\s*$/i;

/**
 * An interactive CLI session on one channel: finds the prompt, enters privileged mode where the platform needs it,
 * turns paging off, then runs commands one at a time, each answered with what the device printed between the echoed
 * command and the next prompt. Any failure closes the channel and fails every later command with the same error.
 */
export class DeviceShell {
  private buffer = '';
  private waiter: Waiter | null = null;
  private failure: SshError | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private prompt: RegExp | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly channel: ShellChannel,
    private readonly profile: PlatformProfile,
    private readonly options: ShellOptions,
  ) {
    channel.onData((chunk) => this.received(chunk));
    channel.onEnd((end) => this.channelEnded(end));
  }

  /** Logs in to the CLI on `channel`: answers once the session is ready for commands, or closes it and throws SshError. */
  static async start(channel: ShellChannel, profile: PlatformProfile, options: ShellOptions): Promise<DeviceShell> {
    const shell = new DeviceShell(channel, profile, options);
    await shell.prepare();
    return shell;
  }

  /** The prompt the device showed when the session became ready, e.g. `router1#`. */
  promptText = '';

  /** The command's output without its echo and the prompt; commands run one after another in call order. */
  runCommand(command: string): Promise<string> {
    const run = this.queue.then(() => this.run(command));
    this.queue = run.catch(() => undefined);
    return run;
  }

  get closedWith(): SshError | null {
    return this.failure;
  }

  /** Closes the session; a command still running fails with `error` (a plain close: SSH_CANCELLED). */
  close(error: SshError = new SshError('SSH_CANCELLED', `${this.options.target}: the session was closed`)): void {
    this.fail(error);
  }

  private async prepare(): Promise<void> {
    try {
      await this.waitFor((text) => endsWithAnyPrompt(text, this.profile), 'a prompt after login', 'SSH_PROMPT_NOT_FOUND');
      // A banner line may end in `>` too: a prompt is what comes back for an empty line.
      this.channel.write('\n');
      const prompt = lastLine(await this.waitFor((text) => endsWithAnyPrompt(text, this.profile), 'a prompt after login', 'SSH_PROMPT_NOT_FOUND')).trim();
      this.prompt = promptPattern(basePromptOf(prompt, this.profile), this.profile);
      this.promptText = prompt;
      const enable = this.profile.enable;
      if (enable && prompt.endsWith(enable.unprivilegedEnding)) await this.enable(enable.command, enable.privilegedEnding);
      for (const command of this.profile.sessionSetup) await this.run(command);
      this.armIdleTimer();
    } catch (error) {
      throw this.fail(error instanceof SshError ? error : new SshError('SSH_FAILED', `${this.options.target}: ${String(error)}`));
    }
  }

  /** netmiko's `enable()`: the command, the secret if asked for one, then a prompt that must end as privileged. */
  private async enable(command: string, privilegedEnding: string): Promise<void> {
    const prompt = this.prompt!;
    this.channel.write(`${command}\n`);
    const answer = await this.waitFor((text) => PASSWORD_PROMPT.test(text) || prompt.test(text), `the answer to ${command}`, 'SSH_ENABLE_FAILED');
    let after = answer;
    if (PASSWORD_PROMPT.test(answer)) {
      if (this.options.enableSecret === null) {
        throw new SshError('SSH_ENABLE_FAILED', `${this.options.target}: the device asks for an enable secret and the credential set has none (enableSecret)`);
      }
      this.channel.write(`${this.options.enableSecret}\n`);
      after = await this.waitFor((text) => PASSWORD_PROMPT.test(text) || prompt.test(text), `the answer to the enable secret`, 'SSH_ENABLE_FAILED');
      if (PASSWORD_PROMPT.test(after)) throw new SshError('SSH_ENABLE_FAILED', `${this.options.target}: the device refused the enable secret`);
    }
    this.promptText = lastLine(after).trim();
    if (!this.promptText.endsWith(privilegedEnding)) {
      throw new SshError('SSH_ENABLE_FAILED', `${this.options.target}: ${command} did not reach privileged mode (the prompt is still ${JSON.stringify(this.promptText)})`);
    }
  }

  private async run(command: string): Promise<string> {
    if (this.failure) throw this.failure;
    this.disarmIdleTimer();
    const prompt = this.prompt!;
    this.buffer = '';
    this.channel.write(`${command}\n`);
    const text = await this.waitFor(
      (current) => {
        const end = endOf(current);
        if (PAGER.test(end)) {
          this.buffer = current.replace(PAGER, '\n');
          this.channel.write(' ');
          return false;
        }
        return prompt.test(end);
      },
      JSON.stringify(command),
      'SSH_COMMAND_TIMEOUT',
      (sofar, end) => {
        const output = commandOutputOf(sofar, command, NOTHING);
        return output.trim() !== '' && end.by === 'channel'
          ? new SshError('SSH_OUTPUT_TRUNCATED', `${this.options.target}: the channel closed in the middle of the output of ${JSON.stringify(command)} (${output.length} characters came, no prompt after them)`)
          : droppedError(this.options.target, end, `while running ${JSON.stringify(command)}`);
      },
    );
    this.armIdleTimer();
    return commandOutputOf(text, command, prompt);
  }

  private waitFor(done: (text: string) => boolean, what: string, timeoutCode: 'SSH_PROMPT_NOT_FOUND' | 'SSH_COMMAND_TIMEOUT' | 'SSH_ENABLE_FAILED', ended?: Waiter['ended']): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<string>((resolve, reject) => {
      const timeoutMs = this.options.commandTimeoutMs;
      const timer = setTimeout(() => {
        const tail = lastLine(this.buffer).slice(-80);
        this.fail(new SshError(timeoutCode, `${this.options.target}: no prompt within ${timeoutMs} ms waiting for ${what} (last line: ${JSON.stringify(tail)})`));
      }, timeoutMs);
      this.waiter = {
        done,
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        ended: ended ?? ((_text, end) => droppedError(this.options.target, end, `while waiting for ${what}`)),
      };
      this.check();
    });
  }

  private received(chunk: string): void {
    if (this.failure) return;
    this.buffer += chunk;
    this.check();
  }

  private check(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    if (!waiter.done(normaliseDeviceText(this.buffer))) return;
    // Read again: a pager answered inside `done` rewrites the buffer.
    const text = normaliseDeviceText(this.buffer);
    this.waiter = null;
    this.buffer = '';
    waiter.resolve(text);
  }

  private channelEnded(end: ChannelEnd): void {
    if (this.failure) return;
    const waiter = this.waiter;
    const error = waiter ? waiter.ended(normaliseDeviceText(this.buffer), end) : droppedError(this.options.target, end, 'between commands');
    this.fail(error);
  }

  private armIdleTimer(): void {
    this.disarmIdleTimer();
    const idleMs = this.options.idleTimeoutMs;
    this.idleTimer = setTimeout(() => this.fail(new SshError('SSH_IDLE_TIMEOUT', `${this.options.target}: the session was closed after ${idleMs} ms without a command`)), idleMs);
    // An idle session must not keep a process alive that has nothing else to do.
    this.idleTimer.unref();
  }

  private disarmIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Ends the session with `error` (the first failure wins); answers the error the session ended with. */
  private fail(error: SshError): SshError {
    if (this.failure) return this.failure;
    this.failure = error;
    this.disarmIdleTimer();
    this.channel.close();
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.reject(error);
    return error;
  }
}

function droppedError(target: string, end: ChannelEnd, when: string): SshError {
  const cause = end.by === 'connection' ? (end.error ? `the connection failed (${end.error.message})` : 'the connection closed') : 'the device closed the shell';
  return new SshError('SSH_CONNECTION_DROPPED', `${target}: ${cause} ${when}`);
}
