import type { ChannelEnd, ShellChannel } from '../shell/shell-channel';
import { ScriptedCli, type CliScript } from '@yardmaster/testing-core';

/** A ShellChannel wired to a ScriptedCli in memory: the unit tests' device, answering on the next tick. */
export class FakeShellChannel implements ShellChannel {
  readonly cli: ScriptedCli;
  closed = false;
  private dataListener: (chunk: string) => void = () => undefined;
  private endListener: (end: ChannelEnd) => void = () => undefined;

  constructor(script: CliScript) {
    this.cli = new ScriptedCli(script);
    setImmediate(() => this.apply(this.cli.greeting()));
  }

  write(text: string): void {
    if (this.closed) return;
    const effects = this.cli.type(text);
    setImmediate(() => this.apply(effects));
  }

  onData(listener: (chunk: string) => void): void {
    this.dataListener = listener;
  }

  onEnd(listener: (end: ChannelEnd) => void): void {
    this.endListener = listener;
  }

  close(): void {
    this.closed = true;
  }

  private apply(effects: ReturnType<ScriptedCli['type']>): void {
    for (const effect of effects) {
      if (this.closed) return;
      if ('write' in effect) this.dataListener(effect.write);
      else if ('closeChannel' in effect) this.end({ by: 'channel' });
      else if ('dropConnection' in effect) this.end({ by: 'connection', error: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    }
  }

  private end(end: ChannelEnd): void {
    this.closed = true;
    this.endListener(end);
  }
}
