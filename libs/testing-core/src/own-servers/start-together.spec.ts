import { startTogether } from './start-together';

function server(name: string, disposed: string[]) {
  return { name, dispose: async () => void disposed.push(name) };
}

describe('startTogether', () => {
  it('gives every server when all start', async () => {
    const disposed: string[] = [];
    const [a, b] = await startTogether([async () => server('a', disposed), async () => server('b', disposed)]);
    expect([a.name, b.name]).toEqual(['a', 'b']);
    expect(disposed).toEqual([]);
  });

  it('disposes the servers that started when another cannot, then throws its error', async () => {
    const disposed: string[] = [];
    const start = startTogether([async () => server('a', disposed), () => Promise.reject(new Error('no temporal CLI')), async () => server('c', disposed)]);
    await expect(start).rejects.toThrow('no temporal CLI');
    expect(disposed.sort()).toEqual(['a', 'c']);
  });
});
