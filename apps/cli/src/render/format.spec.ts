import { createPalette } from './colours';
import { formatDuration, formatLogLine, formatTime } from './format';

describe('formatLogLine', () => {
  const loggedAt = '2025-01-01T10:00:01.000Z';
  const time = formatTime(loggedAt);

  it('lines up time, level, step and message, with the object and a retried attempt', () => {
    const plain = createPalette(false);
    expect(formatLogLine({ level: 'info', grouping: 'run', message: 'Hello', loggedAt }, plain)).toBe(`${time}  info     run       Hello`);
    expect(
      formatLogLine({ level: 'warning', grouping: 'test_mtu', message: 'Low MTU', object: { type: 'device', id: 'd1', display: 'edge-01' }, attempt: 2, loggedAt }, plain),
    ).toBe(`${time}  warning  test_mtu  Low MTU  [device edge-01]  (attempt 2)`);
  });

  it('colours by level: debug dim, info as is, success green, warning yellow, failure red', () => {
    const colours = createPalette(true);
    const paintOf = (level: string) => formatLogLine({ level, grouping: 'run', message: 'm', loggedAt }, colours).split(`${time}\u001b[22m  `)[1];
    expect(paintOf('debug')).toMatch(/^\u001b\[2m/);
    expect(paintOf('info')).toBe('info     run       m');
    expect(paintOf('success')).toMatch(/^\u001b\[32m/);
    expect(paintOf('warning')).toMatch(/^\u001b\[33m/);
    expect(paintOf('failure')).toMatch(/^\u001b\[31m/);
  });
});

describe('formatDuration', () => {
  it('reads naturally from milliseconds to hours', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(7_380_000)).toBe('2 h 03 min');
    expect(formatDuration(-1)).toBe('-');
  });
});
