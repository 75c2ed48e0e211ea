import { UsageError } from './errors';
import { createIo, type Output } from './io';
import { limitHelp, pageLimit, writePage } from './list-page';

function bufferedOutput(): Output & { text: string } {
  return {
    text: '',
    isTTY: false,
    write(text: string) {
      this.text += text;
    },
  };
}

function pageWriteOf(items: string[], total: number): string {
  const stdout = bufferedOutput();
  writePage(createIo(stdout, bufferedOutput(), {}), { items, total, limit: 20, offset: 0 }, 'runs', (rows) => `${rows.join('\n')}\n`);
  return stdout.text;
}

describe('a page listing', () => {
  it('says so when the page is empty', () => {
    expect(pageWriteOf([], 0)).toBe('No runs.\n');
  });

  it('says how many were left out when the page holds fewer than all', () => {
    expect(pageWriteOf(['a', 'b'], 2)).toBe('a\nb\n');
    expect(pageWriteOf(['a', 'b'], 5)).toBe('a\nb\n2 of 5 runs (--limit for more)\n');
  });

  it('asks for 20 without --limit, and refuses a limit outside 1 to 500', () => {
    expect(pageLimit('runs', undefined)).toBe(20);
    expect(pageLimit('runs', '500')).toBe(500);
    expect(() => pageLimit('runs', '501')).toThrow(UsageError);
    expect(() => pageLimit('runs', '0')).toThrow(UsageError);
  });

  it('describes --limit with those bounds', () => {
    expect(limitHelp('entries')).toEqual(['-n, --limit <n>', 'at most n entries (1 to 500; default 20)']);
  });
});
