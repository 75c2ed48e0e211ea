import { createPalette, type Palette } from './render/colours';

/** Somewhere to write: stdout or stderr, or a buffer in tests. */
export interface Output {
  write(text: string): void;
  /** True for a terminal: colours and a progress bar redrawn in place. */
  readonly isTTY: boolean;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  /** Colours for stdout. */
  readonly palette: Palette;
  /** Colours for stderr. */
  readonly errorPalette: Palette;
}

/**
 * Colours go to a terminal unless `NO_COLOR` is set (https://no-color.org); `FORCE_COLOR` (not `0`) forces
 * them, e.g. for `yard logs <id> --follow | less -R`.
 */
export function wantsColour(output: Output, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return output.isTTY;
}

export function createIo(stdout: Output, stderr: Output, env: NodeJS.ProcessEnv): Io {
  return { stdout, stderr, palette: createPalette(wantsColour(stdout, env)), errorPalette: createPalette(wantsColour(stderr, env)) };
}

/** The process's own streams. */
export function processIo(env: NodeJS.ProcessEnv): Io {
  const wrap = (stream: NodeJS.WriteStream): Output => ({
    write: (text) => void stream.write(text),
    get isTTY() {
      return stream.isTTY === true;
    },
  });
  return createIo(wrap(process.stdout), wrap(process.stderr), env);
}
