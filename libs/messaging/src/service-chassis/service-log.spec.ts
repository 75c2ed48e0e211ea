import { Writable } from 'node:stream';
import { ErrorCode, REDACTED, YardError } from '@yardmaster/contracts';
import { withLogContext } from './log-context';
import { errorLogFields } from './log-fields';
import { createServiceLog } from './service-log';

/** A service log writing into an array, one parsed line per entry. */
function capturedLog(level: 'debug' | 'info' | 'warn' = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createServiceLog({ service: 'scheduler', instanceId: 'scheduler@host:1', level, destination }), lines };
}

describe('createServiceLog', () => {
  it('writes one JSON object per line: level name, message, time, the service', () => {
    const { log, lines } = capturedLog();
    log.info({ taskQueue: 'yard-runs-default' }, 'Polling task queue');
    expect(lines).toEqual([
      { level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), service: 'scheduler', instanceId: 'scheduler@host:1', taskQueue: 'yard-runs-default', msg: 'Polling task queue' },
    ]);
  });

  it('puts the correlation id and run id of the work under way on every line, and none outside it', () => {
    const { log, lines } = capturedLog();
    withLogContext({ correlationId: 'c-1', runId: 'r-1' }, () => {
      log.info('first');
      log.warn({ attempt: 2 }, 'second');
    });
    log.info('outside');
    expect(lines.map(({ msg, correlationId, runId }) => ({ msg, correlationId, runId }))).toEqual([
      { msg: 'first', correlationId: 'c-1', runId: 'r-1' },
      { msg: 'second', correlationId: 'c-1', runId: 'r-1' },
      { msg: 'outside', correlationId: undefined, runId: undefined },
    ]);
  });

  it('writes nothing below its level', () => {
    const { log, lines } = capturedLog('warn');
    log.info('quiet');
    log.debug('quieter');
    log.warn('heard');
    expect(lines.map((line) => line.msg)).toEqual(['heard']);
  });

  it('masks credentials and secrets, at the top of a line and one level down', () => {
    const { log, lines } = capturedLog();
    log.info({ req: { headers: { authorization: 'Bearer s3cr3t' } }, password: 'hunter2', command: { token: 'abc' } }, 'with secrets');
    expect(JSON.stringify(lines)).not.toMatch(/s3cr3t|hunter2|"abc"/);
    expect(lines[0]).toMatchObject({ req: { headers: { authorization: REDACTED } }, password: REDACTED, command: { token: REDACTED } });
  });

  it('writes an expected error as its code and message on one line, an unexpected one with its stack', () => {
    const { log, lines } = capturedLog();
    log.warn(errorLogFields(new YardError(ErrorCode.ConcurrencyConflict, 'examples.Singleton is running')), 'run refused');
    log.error(errorLogFields(new TypeError('x is undefined')), 'command failed');
    expect(lines[0]).toMatchObject({ code: ErrorCode.ConcurrencyConflict, error: 'examples.Singleton is running' });
    expect(lines[0]).not.toHaveProperty('err');
    expect(lines[1]).toMatchObject({ err: { type: 'TypeError', message: 'x is undefined', stack: expect.stringContaining('TypeError: x is undefined\n    at ') } });
  });
});
