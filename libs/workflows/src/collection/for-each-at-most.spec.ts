import { forEachAtMost } from './for-each-at-most';

/** Work whose items end when the test says, recording how many run at once. */
function heldWork() {
  const releases = new Map<number, () => void>();
  const started: number[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const work = (item: number) =>
    new Promise<void>((resolve) => {
      started.push(item);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      releases.set(item, () => {
        running -= 1;
        resolve();
      });
    });
  const release = async (item: number) => {
    releases.get(item)?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { work, started, release, mostAtOnce: () => mostAtOnce };
}

describe('forEachAtMost', () => {
  it('keeps at most `limit` items in flight, starting the next as one ends, and ends when all have', async () => {
    const held = heldWork();
    let ended = false;
    const all = forEachAtMost([1, 2, 3, 4, 5], 2, held.work).then(() => {
      ended = true;
    });
    await held.release(0);
    expect(held.started).toEqual([1, 2]);
    await held.release(2);
    expect(held.started).toEqual([1, 2, 3]);
    for (const item of [1, 3, 4, 5]) await held.release(item);
    await all;
    expect(ended).toBe(true);
    expect(held.started).toEqual([1, 2, 3, 4, 5]);
    expect(held.mostAtOnce()).toBe(2);
  });

  it('starts nothing more once stopped, and still waits for the items in flight', async () => {
    const held = heldWork();
    let stop = false;
    let ended = false;
    const all = forEachAtMost([1, 2, 3, 4], 2, held.work, () => stop).then(() => {
      ended = true;
    });
    await held.release(0);
    stop = true;
    await held.release(1);
    expect(ended).toBe(false);
    await held.release(2);
    await all;
    expect(held.started).toEqual([1, 2]);
  });

  it('handles no items and a limit above the count', async () => {
    const done: number[] = [];
    await forEachAtMost([], 4, async (item: number) => void done.push(item));
    await forEachAtMost([7], 16, async (item) => void done.push(item));
    expect(done).toEqual([7]);
  });
});
