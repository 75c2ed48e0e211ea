import { newEvent, runLoggedSchema, type LogObjectRef } from '@yardmaster/contracts';
import { RunLogJson } from './run-log-json';
import type { RunLoggerScope } from './run-logger';

const scope: RunLoggerScope = { instance: 'inst', runId: 'run-1', step: 'collect', attempt: 3, actor: 'alice "the admin"', correlationId: 'corr\n1' };
const at = '2026-12-01T13:00:00.123Z';

/** What RunLogger built before: the envelope as objects, stringified. */
function asObjects(sequence: number, level: 'info' | 'failure', message: string, object: LogObjectRef | null): string {
  return JSON.stringify(
    newEvent({
      id: `run-1:collect:3:log:${sequence}`,
      type: 'run.log',
      occurredAt: at,
      aggregateId: scope.runId,
      sequence,
      correlationId: scope.correlationId,
      actor: scope.actor,
      data: { level, grouping: scope.step, message, object, attempt: scope.attempt, loggedAt: at },
    }),
  );
}

describe('RunLogJson', () => {
  const json = new RunLogJson(scope);

  it.each([
    ['a plain line', 1, 'info', 'Line 1 of 100000', null],
    ['quotes, backslashes, newlines and non-ASCII text', 42, 'failure', 'He said "no" \\ then\nleft: ü € 😀 \u0000', null],
    ['an object reference', 7, 'info', 'checked', { type: 'device', id: 'd-1', display: 'sw "1"', url: '/devices/d-1' }],
  ] as const)('writes %s byte for byte as the envelope stringified', (_case, sequence, level, message, object) => {
    const written = json.entry(sequence, level, message, object, at);
    expect(written).toBe(asObjects(sequence, level, message, object));
    expect(runLoggedSchema.parse(JSON.parse(written))).toEqual(JSON.parse(written));
  });

  it('gives each entry the deterministic id of its step attempt and sequence', () => {
    expect(json.idOf(12)).toBe('run-1:collect:3:log:12');
  });
});
