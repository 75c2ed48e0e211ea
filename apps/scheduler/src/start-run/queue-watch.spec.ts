import { QueueWatch } from './queue-watch';

describe('QueueWatch', () => {
  it('warns when no collector polls the queue, asking Temporal once for a burst', async () => {
    let asked = 0;
    const watch = new QueueWatch(() => Promise.resolve(asked++ * 0));
    const warnings = await watch.warningsFor('night', 'yard-runs-night', 1_000);
    expect(warnings).toEqual(['no collector serves queue night (task queue yard-runs-night): the run waits until one that serves it starts (YARD_COLLECTOR_QUEUES)']);
    await watch.warningsFor('night', 'yard-runs-night', 2_000);
    expect(asked).toBe(1);
  });

  it('says nothing when a collector polls, or when Temporal cannot say', async () => {
    expect(await new QueueWatch(() => Promise.resolve(2)).warningsFor('default', 'yard-runs-default')).toEqual([]);
    expect(await new QueueWatch(() => Promise.reject(new Error('deadline'))).warningsFor('default', 'yard-runs-default')).toEqual([]);
  });
});
