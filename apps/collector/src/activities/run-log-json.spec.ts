import { newEvent, runLogBatchSchema, runLogEventsOf, type LogLevel, type LogObjectRef } from '@yardmaster/contracts';
import { RunLogJson } from './run-log-json';
import type { RunLoggerScope } from './run-logger-scope';

const scope: RunLoggerScope = { instance: 'inst', runId: 'run-1', step: 'collect', attempt: 3, actor: 'alice "the admin"', correlationId: 'corr\n1' };
const at = '2026-12-01T13:00:00.123Z';

type Line = readonly [sequence: number, level: LogLevel, message: string, object: LogObjectRef | null];

/** What a batch is as objects, stringified: the envelope newEvent builds around the entries. */
function asObjects(lines: readonly Line[]): string {
  const [first] = lines;
  const last = lines[lines.length - 1];
  return JSON.stringify(
    newEvent({
      id: `run-1:collect:3:logs:${first[0]}-${last[0]}`,
      type: 'run.log_batch',
      occurredAt: at,
      aggregateId: scope.runId,
      sequence: first[0],
      correlationId: scope.correlationId,
      actor: scope.actor,
      data: {
        entries: lines.map(([sequence, level, message, object]) => ({
          id: `run-1:collect:3:log:${sequence}`,
          sequence,
          level,
          grouping: scope.step,
          message,
          object,
          attempt: scope.attempt,
          loggedAt: at,
        })),
      },
    }),
  );
}

describe('RunLogJson', () => {
  const json = new RunLogJson(scope);
  const written = (lines: readonly Line[]) =>
    json.batch(
      lines[0][0],
      lines[lines.length - 1][0],
      at,
      lines.map(([sequence, level, message, object]) => json.entry(sequence, level, message, object, at)),
    );

  it.each([
    ['a plain line', [[1, 'info', 'Line 1 of 100000', null]]],
    ['quotes, backslashes, newlines and non-ASCII text', [[42, 'failure', 'He said "no" \\ then\nleft: ü € 😀 \u0000', null]]],
    ['an object reference', [[7, 'info', 'checked', { type: 'device', id: 'd-1', display: 'sw "1"', url: '/devices/d-1' }]]],
    [
      'several lines',
      [
        [3, 'info', 'one', null],
        [4, 'warning', 'two', { type: 'device', id: 'd-2' }],
        [5, 'success', 'three', null],
      ],
    ],
  ] as const)('writes a batch of %s byte for byte as the envelope stringified', (_case, lines) => {
    const text = written(lines as readonly Line[]);
    expect(text).toBe(asObjects(lines as readonly Line[]));
    expect(runLogBatchSchema.parse(JSON.parse(text))).toEqual(JSON.parse(text));
  });

  it('gives each entry the id its run.log had, and expands back into those events', () => {
    const batch = runLogBatchSchema.parse(JSON.parse(written([[12, 'info', 'twelve', null]])));
    expect(runLogEventsOf(batch)).toEqual([
      {
        id: 'run-1:collect:3:log:12',
        version: 1,
        type: 'run.log',
        occurredAt: at,
        aggregateId: 'run-1',
        sequence: 12,
        correlationId: scope.correlationId,
        causationId: null,
        actor: scope.actor,
        data: { level: 'info', grouping: 'collect', message: 'twelve', object: null, attempt: 3, loggedAt: at },
      },
    ]);
  });

  it('names a batch by its step attempt and the sequences of its first and last entries', () => {
    expect(json.idOf(12)).toBe('run-1:collect:3:log:12');
    expect(json.batchIdOf(12, 40)).toBe('run-1:collect:3:logs:12-40');
  });
});
