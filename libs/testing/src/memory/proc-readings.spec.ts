import { cpuTicksOf, environmentOf, residentKbOf, serviceOfCommandLine } from './proc-readings';

describe('residentKbOf', () => {
  it('reads VmRSS from /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1234567 kB\nVmHWM:\t  200000 kB\nVmRSS:\t  131072 kB\nRssAnon:\t  90000 kB\n';
    expect(residentKbOf(status)).toBe(131072);
  });

  it('answers null for a process without a resident set (a zombie)', () => {
    expect(residentKbOf('Name:\tnode\nState:\tZ (zombie)\n')).toBeNull();
  });
});

describe('cpuTicksOf', () => {
  it('adds utime and stime, counting fields after the command name', () => {
    // Fields 14 and 15 (utime, stime) are 250 and 50.
    const stat = '4242 (node) S 1 4242 4242 0 -1 4194560 10 0 0 0 250 50 0 0 20 0 11 0 100 1000 2000';
    expect(cpuTicksOf(stat)).toBe(300);
  });

  it('is not misled by spaces and parentheses in the command name', () => {
    const stat = '4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 10 0 0 0 7 3 0 0 20 0 11 0 100 1000 2000';
    expect(cpuTicksOf(stat)).toBe(10);
  });

  it('refuses text that is not a stat line', () => {
    expect(() => cpuTicksOf('nothing here')).toThrow(/not a \/proc/);
  });
});

describe('serviceOfCommandLine', () => {
  const root = '/work/yard';

  it('names the service a node process runs from this checkout', () => {
    expect(serviceOfCommandLine('/usr/bin/node\0/work/yard/apps/collector/dist/main.js\0', root)).toBe('collector');
    expect(serviceOfCommandLine('node\0--max-semi-space-size=2\0/work/yard/apps/api/dist/main.js\0', `${root}/`)).toBe('api');
  });

  it('ignores other checkouts and other scripts', () => {
    expect(serviceOfCommandLine('node\0/work/other/apps/api/dist/main.js\0', root)).toBeNull();
    expect(serviceOfCommandLine('node\0/work/yard/apps/collector/dist/worker/bundle-workflows.js\0', root)).toBeNull();
    expect(serviceOfCommandLine('/work/yard/apps/api/dist/main.js\0', root)).toBeNull();
  });
});

describe('environmentOf', () => {
  it('splits NUL-separated variables, keeping = inside values', () => {
    expect(environmentOf('YARD_INSTANCE=m1\0YARD_DATABASE_URL=postgres://h/db?a=b\0\0')).toEqual({ YARD_INSTANCE: 'm1', YARD_DATABASE_URL: 'postgres://h/db?a=b' });
  });
});
