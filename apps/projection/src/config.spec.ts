import { ConfigError, EnvReader } from '@yardmaster/config';
import { readProjectionConfig } from './config';

function parse(env: Record<string, string>): ReturnType<typeof readProjectionConfig> {
  const reader = new EnvReader(env);
  return reader.finish(readProjectionConfig(reader));
}

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parse(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('readProjectionConfig: YARD_PROJECTION_MAX_DELIVERIES', () => {
  it('tries a failing event 5 times by default, 1 s apart at first, at most 30 s apart', () => {
    expect(parse({}).redelivery).toEqual({ maxDeliveries: 5, firstDelayMs: 1_000, maxDelayMs: 30_000 });
  });

  it('takes a whole number from 1 to 1000', () => {
    expect(parse({ YARD_PROJECTION_MAX_DELIVERIES: '12' }).redelivery.maxDeliveries).toBe(12);
  });

  it.each(['0', '-1', '2.5', 'five', '1001'])('fails fast on %s', (value) => {
    expect(problemsOf({ YARD_PROJECTION_MAX_DELIVERIES: value })).toEqual([`YARD_PROJECTION_MAX_DELIVERIES=${JSON.stringify(value)}: expected a whole number from 1 to 1000`]);
  });
});
