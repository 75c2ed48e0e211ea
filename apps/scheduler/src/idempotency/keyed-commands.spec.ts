import { ErrorCode, YardError, type IdempotencyRef } from '@yardmaster/contracts';
import type { IdempotentBeginning } from '@yardmaster/messaging';
import { KeyedCommands, type KeyStore } from './keyed-commands';

/** The KV bucket's rules, in memory: create fails on a key that exists. */
class MemoryKeyStore implements KeyStore {
  readonly entries = new Map<string, { fingerprint: string; answer?: object }>();

  begin(ref: IdempotencyRef): Promise<IdempotentBeginning<object>> {
    const entry = this.entries.get(ref.key);
    if (!entry) {
      this.entries.set(ref.key, { fingerprint: ref.fingerprint });
      return Promise.resolve({ kind: 'first' });
    }
    if (entry.fingerprint !== ref.fingerprint) return Promise.resolve({ kind: 'reused' });
    return Promise.resolve(entry.answer ? { kind: 'replay', answer: entry.answer } : { kind: 'in-use' });
  }

  complete(ref: IdempotencyRef, answer: object): Promise<void> {
    this.entries.set(ref.key, { fingerprint: ref.fingerprint, answer });
    return Promise.resolve();
  }

  release(ref: IdempotencyRef): Promise<void> {
    this.entries.delete(ref.key);
    return Promise.resolve();
  }
}

const ref = { key: 'k1', fingerprint: 'body-a' };

describe('KeyedCommands', () => {
  it('carries a keyed command out once and answers a repeat with the same answer, marked replayed', async () => {
    const keyed = new KeyedCommands(() => Promise.resolve(new MemoryKeyStore()));
    let carriedOut = 0;
    const start = () => Promise.resolve({ runId: `run-${++carriedOut}` });
    expect(await keyed.answerOnce(ref, start)).toEqual({ runId: 'run-1' });
    expect(await keyed.answerOnce(ref, start)).toEqual({ runId: 'run-1', replayed: true });
    expect(carriedOut).toBe(1);
  });

  it('refuses the same key with another body (422) and while the first is under way (409)', async () => {
    const keyed = new KeyedCommands(() => Promise.resolve(new MemoryKeyStore()));
    let finishFirst: (answer: object) => void = () => undefined;
    const first = keyed.answerOnce(ref, () => new Promise<object>((resolve) => (finishFirst = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    await expect(keyed.answerOnce(ref, () => Promise.resolve({}))).rejects.toMatchObject({ code: ErrorCode.IdempotencyKeyInUse });
    finishFirst({ runId: 'run-1' });
    await first;
    await expect(keyed.answerOnce({ ...ref, fingerprint: 'body-b' }, () => Promise.resolve({}))).rejects.toMatchObject({
      code: ErrorCode.IdempotencyKeyReused,
    });
  });

  it('forgets a request that failed, so the same key may be tried again', async () => {
    const keyed = new KeyedCommands(() => Promise.resolve(new MemoryKeyStore()));
    const unavailable = new YardError(ErrorCode.ServiceUnavailable, 'Temporal at 127.0.0.1:7233 cannot be reached');
    await expect(keyed.answerOnce(ref, () => Promise.reject(unavailable))).rejects.toBe(unavailable);
    expect(await keyed.answerOnce(ref, () => Promise.resolve({ runId: 'run-2' }))).toEqual({ runId: 'run-2' });
  });
});
