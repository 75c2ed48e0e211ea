import { ApiClient, type FetchLike } from './api-client';
import { startRunAccepted } from './test-support/api-views';

describe('ApiClient.startRun', () => {
  it('sends an Idempotency-Key and retries once with the same key when the connection fails', async () => {
    const keys: (string | undefined)[] = [];
    const fetchImpl: FetchLike = (_url, init) => {
      keys.push((init?.headers as Record<string, string>)['idempotency-key']);
      if (keys.length === 1) return Promise.reject(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } }));
      return Promise.resolve(new Response(JSON.stringify(startRunAccepted({ runId: 'r1' })), { status: 202 }));
    };
    const accepted = await new ApiClient('http://127.0.0.1:3000', 't', fetchImpl).startRun('examples.HelloWorld', { data: {} });
    expect(accepted).toEqual(startRunAccepted({ runId: 'r1' }));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('does not retry a refusal', async () => {
    let calls = 0;
    const fetchImpl: FetchLike = () => {
      calls++;
      return Promise.resolve(new Response(JSON.stringify({ code: 'VALIDATION_FAILED', message: 'bad' }), { status: 400 }));
    };
    await expect(new ApiClient('http://127.0.0.1:3000', 't', fetchImpl).startRun('examples.HelloWorld', { data: {} })).rejects.toMatchObject({ status: 400 });
    expect(calls).toBe(1);
  });
});
