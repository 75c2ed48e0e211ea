import { OutageLog } from './outage-log';

describe('OutageLog', () => {
  it('logs the first refusal, then at most once a minute with the count since', () => {
    const lines: string[] = [];
    let now = 1_000_000;
    const log = new OutageLog({ warn: (line: string) => lines.push(line) }, 'PostgreSQL', () => now);

    log.note('ECONNREFUSED');
    for (let request = 0; request < 50; request += 1) log.note('ECONNREFUSED');
    expect(lines).toEqual(['PostgreSQL cannot be reached: answering 503: ECONNREFUSED']);

    now += 60_000;
    log.note('ECONNREFUSED');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('PostgreSQL cannot be reached: answering 503 (51 requests answered 503 since the last line): ECONNREFUSED');
  });
});
