import { EnvReader } from '@yardmaster/config';
import type { Contract } from '@yardmaster/contracts';
import type { DurableConsumerSpec, StreamMessage, StreamMessageHandler } from '@yardmaster/messaging';
import type { DataSource } from '@yardmaster/read-models';
import { AUDIT_CONSUMER } from '../audit/audit.consumer';
import { readProjectionConfig } from '../config';
import type { DurableConsumers } from './durable-consumers';
import { DurableConsumersService } from './durable-consumers.service';
import { readModelsConsumer } from './read-models.consumer';

/** Records what the service asks to follow, and keeps each handler to call by hand. */
class FakeConsumers {
  readonly followed: Array<{ spec: DurableConsumerSpec; handle: StreamMessageHandler<unknown> }> = [];

  async follow<TEvent>(spec: DurableConsumerSpec, _contract: Contract<TEvent>, handle: StreamMessageHandler<TEvent>): Promise<void> {
    this.followed.push({ spec, handle: handle as StreamMessageHandler<unknown> });
  }
}

/** A DataSource that only counts the transactions opened on it. */
function countingDataSource(): { dataSource: DataSource; transactions: () => number } {
  let transactions = 0;
  const dataSource = {
    transaction: async () => {
      transactions += 1;
      return false;
    },
  } as unknown as DataSource;
  return { dataSource, transactions: () => transactions };
}

async function started(dataSource: DataSource): Promise<FakeConsumers> {
  const env = new EnvReader({ YARD_INSTANCE: 'unit' });
  const consumers = new FakeConsumers();
  const service = new DurableConsumersService(env.finish(readProjectionConfig(env)), [readModelsConsumer(null), AUDIT_CONSUMER], consumers as unknown as DurableConsumers, dataSource);
  await service.onApplicationBootstrap();
  return consumers;
}

describe('DurableConsumersService', () => {
  it('follows each definition stream by stream, in order, under its durable name and with the stream filter', async () => {
    const consumers = await started(countingDataSource().dataSource);
    expect(consumers.followed.map(({ spec }) => spec)).toEqual([
      { stream: 'UNIT_CATALOG', durableName: 'unit_projection', filterSubject: 'unit.catalog.>' },
      { stream: 'UNIT_RUNS', durableName: 'unit_projection', filterSubject: 'unit.run.>' },
      { stream: 'UNIT_SCHEDULES', durableName: 'unit_projection', filterSubject: 'unit.schedule.>' },
      { stream: 'UNIT_FACTS', durableName: 'unit_projection', filterSubject: 'unit.facts.>' },
      { stream: 'UNIT_RUNS', durableName: 'unit_audit', filterSubject: 'unit.run.>' },
      { stream: 'UNIT_SCHEDULES', durableName: 'unit_audit', filterSubject: 'unit.schedule.>' },
      { stream: 'UNIT_CATALOG', durableName: 'unit_audit', filterSubject: 'unit.catalog.>' },
      { stream: 'UNIT_IDENTITY', durableName: 'unit_audit', filterSubject: 'unit.identity.>' },
      { stream: 'UNIT_FACTS', durableName: 'unit_audit', filterSubject: 'unit.facts.>' },
    ]);
  });

  it("applies the read models' events on the read models' DataSource, each in a transaction", async () => {
    const { dataSource, transactions } = countingDataSource();
    const consumers = await started(dataSource);
    const runs = consumers.followed[1];
    await runs.handle({ event: { id: 'e-1' }, subject: 'unit.run.r-1.requested', stream: 'UNIT_RUNS', streamSequence: 1, redelivered: false } as StreamMessage<unknown>);
    expect(transactions()).toBe(1);
  });
});
