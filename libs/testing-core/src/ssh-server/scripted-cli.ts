/** What a scripted device does with one command line. */
export type CommandBehaviour =
  | { readonly output: string; readonly newPrompt?: string }
  /** Prints nothing and never shows the prompt again. */
  | { readonly hang: true }
  /** Prints `output`, then closes the channel (the connection stays up). */
  | { readonly output: string; readonly thenCloseChannel: true }
  /** Drops the TCP connection without a word. */
  | { readonly dropConnection: true }
  /** Prints the output in pages, each followed by `pager` until a space is typed. */
  | { readonly pages: readonly string[]; readonly pager: string };

/** A CLI as a test writes it: a prompt, an optional banner, commands and what each does; unknown commands error. */
export interface CliScript {
  readonly prompt: string;
  readonly banner?: string;
  readonly commands: Readonly<Record<string, CommandBehaviour>>;
  /** `enable` asks for this secret (then the prompt's last `>` becomes `#`); unset: `enable` needs none. */
  readonly enableSecret?: string;
}

export type CliEffect = { readonly write: string } | { readonly hang: true } | { readonly closeChannel: true } | { readonly dropConnection: true };

/**
 * The device side of a scripted CLI, transport-free: feed it what the client types, it answers with effects (text to
 * write, hang, close). Echoes like a terminal. Used by the fake channel of the unit tests and the ssh2 server of the
 * fault tests alike.
 */
export class ScriptedCli {
  private line = '';
  private prompt: string;
  private awaitingSecret = false;
  private pagesLeft: string[] = [];
  private pager = '';
  /** Every line the client entered (the enable secret as `<secret>`), for assertions. */
  readonly received: string[] = [];

  constructor(private readonly script: CliScript) {
    this.prompt = script.prompt;
  }

  greeting(): CliEffect[] {
    return [{ write: `${this.script.banner ?? ''}\r\n${this.prompt}` }];
  }

  type(data: string): CliEffect[] {
    const effects: CliEffect[] = [];
    for (const char of data) {
      if (this.pagesLeft.length > 0 && char === ' ') {
        effects.push(...this.nextPage());
        continue;
      }
      if (char === '\r') continue;
      if (char !== '\n') {
        this.line += char;
        if (!this.awaitingSecret) effects.push({ write: char });
        continue;
      }
      effects.push({ write: '\r\n' });
      const line = this.line;
      this.line = '';
      effects.push(...this.enter(line));
    }
    return effects;
  }

  private enter(line: string): CliEffect[] {
    if (this.awaitingSecret) {
      this.awaitingSecret = false;
      this.received.push('<secret>');
      if (line !== this.script.enableSecret) return [{ write: `% Access denied\r\n\r\n${this.prompt}` }];
      this.prompt = this.prompt.replace(/>$/, '#');
      return [{ write: this.prompt }];
    }
    this.received.push(line);
    const command = line.trim();
    if (command === '') return [{ write: this.prompt }];
    if (command === 'enable') {
      if (this.script.enableSecret === undefined) {
        this.prompt = this.prompt.replace(/>$/, '#');
        return [{ write: this.prompt }];
      }
      this.awaitingSecret = true;
      return [{ write: 'Password: ' }];
    }
    const behaviour = this.script.commands[command];
    if (!behaviour) return [{ write: `% Invalid input detected at '^' marker.\r\n${this.prompt}` }];
    if ('hang' in behaviour) return [{ hang: true }];
    if ('dropConnection' in behaviour) return [{ dropConnection: true }];
    if ('pages' in behaviour) {
      this.pagesLeft = [...behaviour.pages];
      this.pager = behaviour.pager;
      return this.nextPage();
    }
    if ('thenCloseChannel' in behaviour) return [{ write: crlf(behaviour.output) }, { closeChannel: true }];
    if (behaviour.newPrompt) this.prompt = behaviour.newPrompt;
    return [{ write: `${crlf(behaviour.output)}${this.prompt}` }];
  }

  private nextPage(): CliEffect[] {
    const page = this.pagesLeft.shift()!;
    return [{ write: `${crlf(page)}${this.pagesLeft.length > 0 ? this.pager : this.prompt}` }];
  }
}

/** Text with every line ended by CRLF, as a terminal prints it (empty text: nothing). */
export function crlf(text: string): string {
  return text === '' ? '' : `${text.replace(/\r?\n/g, '\r\n').replace(/(\r\n)?$/, '\r\n')}`;
}
