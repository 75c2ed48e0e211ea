/**
 * The value of one series in Prometheus's text format, by its name and labels (every label given, in any order;
 * others, such as `service`, may be there too): undefined when no line has them. The order prom-client writes
 * labels in differs between metric types, so tests never match lines as text.
 */
export function sampleOf(text: string, name: string, labels: Readonly<Record<string, string>> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** Fetches a /metrics URL and returns its text, having checked that it answered in Prometheus's text format. */
export async function scrapeMetrics(url: string): Promise<string> {
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.startsWith('text/plain; version=0.0.4')) throw new Error(`${url} answered ${response.status} (${type}), not Prometheus text`);
  return response.text();
}
