import { SseConnection } from './support/sse-client';
import { YardmasterStack } from './support/yardmaster-stack';
jest.setTimeout(120_000);
it('times api stop', async () => {
  const stack = await YardmasterStack.start();
  try {
    const d = await SseConnection.open(`${stack.apiUrl}/api/events`);
    const p = d.next(3000).catch(() => null);
    d.close();
    await p;
    await new Promise((r) => setTimeout(r, 200));
    console.log('stopping', Date.now());
    await stack.service('api').stop();
    console.log('stopped', Date.now());
    console.log(stack.service('api').logs.split('\n').filter((l) => l.includes('DBG')).join('\n'));
  } finally {
    await stack.stop();
  }
});
