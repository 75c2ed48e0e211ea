import type { Io } from './io';

/**
 * Reads a secret typed at the terminal without echoing it (raw mode: Enter ends it, Ctrl-C aborts, Backspace
 * erases); when stdin is not a terminal (`echo $TOKEN | yard login`), reads its first line.
 */
export function readSecretFromStdin(prompt: string, io: Io): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return readFirstLine(stdin);
  io.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let secret = '';
    const finish = (outcome: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      io.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish(() => resolve(secret));
        if (character === '\u0003') return finish(() => reject(new Error('cancelled')));
        if (character === '\u007f' || character === '\b') secret = secret.slice(0, -1);
        else secret += character;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function readFirstLine(stream: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
