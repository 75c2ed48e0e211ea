import { currentLogContext, logContextOf, withLogContext } from './log-context';

describe('log context', () => {
  it('is empty outside any work', () => {
    expect(currentLogContext()).toEqual({});
  });

  it('follows the work across awaits and timers, and ends with it', async () => {
    const seen = await withLogContext({ correlationId: 'c-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentLogContext();
    });
    expect(seen).toEqual({ correlationId: 'c-1' });
    expect(currentLogContext()).toEqual({});
  });

  it('keeps two pieces of work under way at once apart', async () => {
    const later = (id: string) =>
      withLogContext({ correlationId: id }, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return currentLogContext().correlationId;
      });
    await expect(Promise.all([later('a'), later('b')])).resolves.toEqual(['a', 'b']);
  });

  it('adds an inner context to the outer one; an id the inner one lacks stays', () => {
    const inner = withLogContext({ correlationId: 'outer' }, () => withLogContext({ runId: 'r-1', correlationId: undefined }, () => currentLogContext()));
    expect(inner).toEqual({ correlationId: 'outer', runId: 'r-1' });
  });
});

describe('logContextOf', () => {
  it("reads an event's correlation id, and a run event's aggregate as its run", () => {
    expect(logContextOf({ type: 'run.started', aggregateId: 'r-1', correlationId: 'c-1' })).toEqual({ correlationId: 'c-1', runId: 'r-1' });
    expect(logContextOf({ type: 'schedule.created', aggregateId: 's-1', correlationId: 'c-2' })).toEqual({ correlationId: 'c-2' });
  });

  it("reads a command's meta and run id", () => {
    expect(logContextOf({ runId: 'r-2', meta: { actor: 'admin', correlationId: 'c-3' } })).toEqual({ correlationId: 'c-3', runId: 'r-2' });
  });

  it('gives nothing for what is not an object, or has no ids', () => {
    expect(logContextOf(null)).toEqual({});
    expect(logContextOf('text')).toEqual({});
    expect(logContextOf({ correlationId: '', runId: 42 })).toEqual({});
  });
});
