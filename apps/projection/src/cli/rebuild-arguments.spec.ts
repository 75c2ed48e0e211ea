import { parseRebuildArguments } from './rebuild-arguments';

describe('parseRebuildArguments', () => {
  it('rebuilds every model and only compares by default', () => {
    expect(parseRebuildArguments(['rebuild'])).toEqual({ model: 'all', swap: false, acceptLoss: false, json: false });
  });

  it('reads the model in both spellings and the flags', () => {
    expect(parseRebuildArguments(['rebuild', '--model', 'runs', '--swap'])).toEqual({ model: 'runs', swap: true, acceptLoss: false, json: false });
    expect(parseRebuildArguments(['rebuild', '--model=audit', '--swap', '--accept-loss', '--json'])).toEqual({ model: 'audit', swap: true, acceptLoss: true, json: true });
  });

  it('refuses what it does not know, naming it', () => {
    expect(() => parseRebuildArguments([])).toThrow('no command given');
    expect(() => parseRebuildArguments(['replay'])).toThrow('unknown command replay');
    expect(() => parseRebuildArguments(['rebuild', '--model', 'users'])).toThrow('--model takes one of runs, logs, schedules, catalog, audit, facts, all, not users');
    expect(() => parseRebuildArguments(['rebuild', '--model'])).toThrow('not nothing');
    expect(() => parseRebuildArguments(['rebuild', '--fast'])).toThrow('unknown option --fast');
    expect(() => parseRebuildArguments(['rebuild', '--accept-loss'])).toThrow('--accept-loss goes with --swap');
  });
});
