import { ApiClient, type FetchLike } from './api-client';
import { logEntryView, startRunAccepted } from './test-support/api-views';

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

describe('ApiClient.logs', () => {
  it('pages a long log by position: each page asks for the entries after the last one it has', async () => {
    const urls: URL[] = [];
    const fetchImpl: FetchLike = (url) => {
      const asked = new URL(String(url));
      urls.push(asked);
      const after = Number(asked.searchParams.get('after') ?? 0);
      const limit = Number(asked.searchParams.get('limit'));
      const positions = Array.from({ length: Math.max(0, Math.min(limit, 1_200 - after)) }, (_, index) => after + index + 1);
      return Promise.resolve(new Response(JSON.stringify({ items: positions.map((position) => logEntryView({ id: `e${position}`, position })), total: 1_200 - after, limit, offset: 0 }), { status: 200 }));
    };
    const entries = await new ApiClient('http://127.0.0.1:3000', 't', fetchImpl).logs('r1');
    expect(entries.map(({ position }) => position)).toEqual(Array.from({ length: 1_200 }, (_, index) => index + 1));
    expect(urls.map((url) => url.searchParams.get('after'))).toEqual([null, '500', '1000']);
    expect(urls.every((url) => url.searchParams.get('offset') === null)).toBe(true);
  });
});
