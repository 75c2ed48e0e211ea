import { ConfigError, EnvReader } from '@yardmaster/config';
import { DEFAULT_PRUNE_SCHEDULE, readPruneScheduleCron } from '../../config';

function read(env: NodeJS.ProcessEnv) {
  const reader = new EnvReader(env);
  return reader.finish(readPruneScheduleCron(reader));
}

describe('YARD_PRUNE_SCHEDULE', () => {
  it('prunes daily at 03:30 UTC by default', () => {
    expect(read({})).toBe(DEFAULT_PRUNE_SCHEDULE);
    expect(DEFAULT_PRUNE_SCHEDULE).toBe('30 3 * * *');
  });

  it('takes another cron, or off for no schedule', () => {
    expect(read({ YARD_PRUNE_SCHEDULE: '0 */6 * * *' })).toBe('0 */6 * * *');
    expect(read({ YARD_PRUNE_SCHEDULE: 'off' })).toBeNull();
  });

  it('fails fast on anything else, naming the variable', () => {
    expect(() => read({ YARD_PRUNE_SCHEDULE: 'daily' })).toThrow(ConfigError);
    expect(() => read({ YARD_PRUNE_SCHEDULE: '0 3 * *' })).toThrow(/YARD_PRUNE_SCHEDULE/);
  });
});
