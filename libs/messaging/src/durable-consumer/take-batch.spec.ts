import { takeBatch } from './take-batch';

const arrival = (bytes: number) => ({ msg: { data: new Uint8Array(bytes) } });

describe('takeBatch', () => {
  it('takes up to maxMessages from the front, leaving the rest waiting in order', () => {
    const waiting = [1, 2, 3, 4, 5].map(arrival);
    const [first, second, third] = waiting;
    expect(takeBatch(waiting, { maxMessages: 3, maxBytes: 1_000 })).toEqual([first, second, third]);
    expect(waiting.map(({ msg }) => msg.data.length)).toEqual([4, 5]);
  });

  it('stops once maxBytes of data are in, the message that reached it included', () => {
    const waiting = [400, 400, 400, 400].map(arrival);
    expect(takeBatch(waiting, { maxMessages: 500, maxBytes: 700 }).map(({ msg }) => msg.data.length)).toEqual([400, 400]);
    expect(waiting).toHaveLength(2);
  });

  it('takes a message larger than maxBytes alone, and nothing from nothing', () => {
    const waiting = [5_000, 10].map(arrival);
    expect(takeBatch(waiting, { maxMessages: 500, maxBytes: 1_000 }).map(({ msg }) => msg.data.length)).toEqual([5_000]);
    expect(takeBatch([], { maxMessages: 500, maxBytes: 1_000 })).toEqual([]);
  });
});
