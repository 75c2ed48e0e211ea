import { OutageWatch } from './outage-watch';

function watchWithLog() {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const log = {
    log: (fields: Record<string, unknown>, message: string) => lines.push({ level: 'log', fields, message }),
    warn: (fields: Record<string, unknown>, message: string) => lines.push({ level: 'warn', fields, message }),
  };
  let clock = 0;
  const watch = new OutageWatch('PostgreSQL', (error) => error instanceof Error && error.message === 'down', log, { firstDelayMs: 100, maxDelayMs: 1_000 }, () => clock);
  return { watch, lines, advance: (ms: number) => (clock += ms) };
}

describe('OutageWatch', () => {
  it('logs an outage once when it starts and once when it ends, with the counts, however many events wait', () => {
    const { watch, lines, advance } = watchWithLog();
    for (let tries = 1; tries <= 10; tries++) {
      watch.held('runs:1', tries, new Error('down'));
      watch.held('runs:2', tries, new Error('down'));
    }
    advance(12_000);
    watch.passed();
    watch.passed();
    expect(lines).toEqual([
      {
        level: 'warn',
        fields: { dependency: 'PostgreSQL', reason: 'down' },
        message: 'Dependency cannot be reached: events wait and are retried with backoff until it is back',
      },
      { level: 'log', fields: { dependency: 'PostgreSQL', outageSeconds: 12, heldEvents: 2, retries: 18 }, message: 'Dependency is back' },
    ]);
  });

  it('waits longer after each try, up to the cap', () => {
    const { watch } = watchWithLog();
    expect([1, 2, 3, 4, 5, 6].map((tries) => watch.held('runs:1', tries, new Error('down')))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('tells the outage from other failures', () => {
    const { watch } = watchWithLog();
    expect(watch.explains(new Error('down'))).toBe(true);
    expect(watch.explains(new Error('bad event'))).toBe(false);
  });
});
