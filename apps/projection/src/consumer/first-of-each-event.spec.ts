import { firstOfEachEvent } from './first-of-each-event';

const message = (id: string, streamSequence: number) => ({ event: { id }, streamSequence });

describe('firstOfEachEvent', () => {
  it('keeps each event id once, at its first position, in order', () => {
    const batch = [message('a', 1), message('b', 2), message('a', 3), message('c', 4), message('b', 5)];
    expect(firstOfEachEvent(batch)).toEqual([message('a', 1), message('b', 2), message('c', 4)]);
  });

  it('keeps a batch without repeats as it is', () => {
    const batch = [message('a', 1), message('b', 2)];
    expect(firstOfEachEvent(batch)).toEqual(batch);
  });
});
