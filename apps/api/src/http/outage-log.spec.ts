import { OutageLog } from './outage-log';

describe('OutageLog', () => {
  it('logs the first refusal, then at most once a minute with the count since', () => {
    const lines: Array<{ fields: unknown; message: unknown }> = [];
    let now = 1_000_000;
    const log = new OutageLog({ warn: (fields: unknown, message: unknown) => lines.push({ fields, message }) }, 'PostgreSQL', () => now);
    const message = 'Dependency cannot be reached: answering 503';

    log.note('ECONNREFUSED');
    for (let request = 0; request < 50; request += 1) log.note('ECONNREFUSED');
    expect(lines).toEqual([{ fields: { dependency: 'PostgreSQL', refusedSinceLastLine: 1, reason: 'ECONNREFUSED' }, message }]);

    now += 60_000;
    log.note('ECONNREFUSED');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({ fields: { dependency: 'PostgreSQL', refusedSinceLastLine: 51, reason: 'ECONNREFUSED' }, message });
  });
});
