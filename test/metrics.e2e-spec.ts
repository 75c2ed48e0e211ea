/**
 * Every service's /metrics, on the ports this stack gives them, while a real run goes through NATS, Temporal and
 * Postgres: each answers in Prometheus's text format with its own metrics and the process's, and the run moves
 * the counters of the services that see it (the api's requests, the collector's step and log lines, the
 * projection's runs, durations and log lines).
 */
import { freePort, sampleOf, scrapeMetrics } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const HELLO_WORLD = 'examples.HelloWorld';
const SERVICES = ['api', 'scheduler', 'collector', 'projection'] as const;
type Service = (typeof SERVICES)[number];

const PROCESS_METRICS = ['process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_gc_duration_seconds', 'yard_nats_disconnects_total', 'yard_nats_errors_total'];

const OWN_METRICS: Record<Service, readonly string[]> = {
  api: ['yard_http_requests_total', 'yard_http_request_duration_seconds'],
  scheduler: ['yard_temporal_errors_total'],
  collector: ['yard_steps_total', 'yard_step_duration_seconds', 'yard_steps_in_progress', 'yard_log_lines_total'],
  projection: [
    'yard_runs_total',
    'yard_run_duration_seconds',
    'yard_run_queue_wait_seconds',
    'yard_log_lines_projected_total',
    'yard_runs_queued',
    'yard_runs_running',
    'yard_projection_lag_events',
    'yard_projection_unacked_events',
    'yard_parked_events',
  ],
};

describe('metrics of the four services', () => {
  let stack: YardmasterStack;
  const ports = {} as Record<Service, number>;

  const scrape = (service: Service) => scrapeMetrics(`http://127.0.0.1:${ports[service]}/metrics`);

  beforeAll(async () => {
    for (const service of SERVICES) ports[service] = await freePort();
    stack = await YardmasterStack.start(Object.fromEntries(SERVICES.map((service) => [`YARD_${service.toUpperCase()}_METRICS_PORT`, String(ports[service])])));
  });

  afterAll(() => stack?.stop());

  it.each(SERVICES)('%s answers /metrics in Prometheus text format with its own metrics and the process metrics', async (service) => {
    const text = await scrape(service);
    for (const name of [...PROCESS_METRICS, ...OWN_METRICS[service]]) expect(text).toContain(`# TYPE ${name} `);
    expect(sampleOf(text, 'process_resident_memory_bytes', { service })).toBeGreaterThan(0);
  });

  it("moves with a run: the api's request, the collector's step and log lines, the projection's run, duration and log lines", async () => {
    const accepted = await stack.post(`/api/jobs/${HELLO_WORLD}/runs`, JSON.stringify({ data: { name: 'metrics', count: 3 } }));
    expect(accepted.status).toBe(202);
    const run = await stack.waitForRunToEnd(accepted.body.runId, 30_000);
    expect(run.status).toBe('completed');

    const api = await scrape('api');
    expect(sampleOf(api, 'yard_http_requests_total', { method: 'POST', route: '/api/jobs/:jobId/runs', status: '2xx' })).toBe(1);
    expect(sampleOf(api, 'yard_http_requests_total', { method: 'GET', route: '/api/runs/:runId', status: '2xx' })).toBeGreaterThanOrEqual(1);

    const collector = await scrape('collector');
    expect(sampleOf(collector, 'yard_steps_total', { job: HELLO_WORLD, step: 'run', outcome: 'completed' })).toBe(1);
    expect(sampleOf(collector, 'yard_step_duration_seconds_count', { job: HELLO_WORLD, step: 'run' })).toBe(1);
    expect(sampleOf(collector, 'yard_log_lines_total', { level: 'info' })).toBe(3);
    expect(sampleOf(collector, 'yard_log_lines_total', { level: 'success' })).toBe(1);

    const projection = await scrape('projection');
    expect(sampleOf(projection, 'yard_runs_total', { job: HELLO_WORLD, outcome: 'completed' })).toBe(1);
    expect(sampleOf(projection, 'yard_run_duration_seconds_count', { job: HELLO_WORLD, outcome: 'completed' })).toBe(1);
    expect(sampleOf(projection, 'yard_run_queue_wait_seconds_count', { queue: 'default' })).toBe(1);
    expect(sampleOf(projection, 'yard_log_lines_projected_total')).toBe(4);
    expect(sampleOf(projection, 'yard_parked_events')).toBe(0);

    const scheduler = await scrape('scheduler');
    expect(sampleOf(scheduler, 'yard_temporal_errors_total', { kind: 'unreachable' })).toBe(0);
  });
});
