import { REDACTED, type EventEnvelope, type RunLogged } from '@yardmaster/contracts';
import type { EventPublisher } from '@yardmaster/messaging';
import { Redactor } from './run-data/redactor';
import { RunLogger } from './run-logger';

describe('RunLogger with a Redactor', () => {
  it('masks sensitive values in messages and object references before publishing', async () => {
    const published: RunLogged[] = [];
    const publisher = { publish: async (_subject: string, event: EventEnvelope) => published.push(event as RunLogged) } as unknown as EventPublisher;
    const logger = new RunLogger(publisher, { instance: 'i', runId: 'r', step: 'run', attempt: 1, actor: 'a', correlationId: 'c' });
    logger.info('before hunter2');
    logger.redactWith(new Redactor(['hunter2']));
    logger.info('Logging in as admin with password hunter2');
    logger.warning('x', { object: { type: 'device', id: 'hunter2', display: 'dev hunter2', url: 'https://h/hunter2' } });
    await logger.flush();

    expect(published.map((event) => event.data.message)).toEqual(['before hunter2', `Logging in as admin with password ${REDACTED}`, 'x']);
    expect(published[2].data.object).toEqual({ type: 'device', id: REDACTED, display: `dev ${REDACTED}`, url: `https://h/${REDACTED}` });
  });
});
