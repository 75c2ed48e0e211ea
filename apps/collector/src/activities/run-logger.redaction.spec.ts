import { REDACTED, runLogBatchSchema, runLogEventsOf, type EventEnvelope, type RunLogged } from '@yardmaster/contracts';
import { bufferOver } from './log-delivery/publish-one-by-one';
import { Redactor } from './run-data/redactor';
import { RunLogger } from './run-logger';

describe('RunLogger with a Redactor', () => {
  it('masks sensitive values in messages and object references before publishing', async () => {
    const published: RunLogged[] = [];
    const buffer = bufferOver({ publish: async (_subject: string, event: EventEnvelope) => published.push(...runLogEventsOf(runLogBatchSchema.parse(event))) });
    const logger = new RunLogger(buffer, { instance: 'i', runId: 'r', step: 'run', attempt: 1, actor: 'a', correlationId: 'c' });
    logger.info('before hunter2');
    logger.redactWith(new Redactor(['hunter2']));
    logger.info('Logging in as admin with password hunter2');
    logger.warning('x', { object: { type: 'device', id: 'hunter2', display: 'dev hunter2', url: 'https://h/hunter2' } });
    await buffer.flush();

    expect(published.map((event) => event.data.message)).toEqual(['before hunter2', `Logging in as admin with password ${REDACTED}`, 'x']);
    expect(published[2].data.object).toEqual({ type: 'device', id: REDACTED, display: `dev ${REDACTED}`, url: `https://h/${REDACTED}` });
  });
});
