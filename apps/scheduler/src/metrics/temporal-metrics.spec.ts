import { Registry } from 'prom-client';
import { sampleOf } from '@yardmaster/testing';
import { temporalErrorKindOf, TemporalMetrics } from './temporal-metrics';

/** A gRPC error as the Temporal client raises it (a ServiceError's shape). */
function grpcError(code: number): Error {
  return Object.assign(new Error(`${code} grpc`), { name: 'ServiceError', code, details: '', metadata: {} });
}

describe('temporalErrorKindOf', () => {
  it("tells Temporal's answers apart from it being away, and leaves errors that are not Temporal's out", () => {
    expect(temporalErrorKindOf(grpcError(14))).toBe('unreachable');
    expect(temporalErrorKindOf(grpcError(5))).toBe('rejected');
    expect(temporalErrorKindOf(new Error('a bug of ours'))).toBeNull();
  });
});

describe('TemporalMetrics', () => {
  it('counts failures by kind, every kind present from the start', async () => {
    const registry = new Registry();
    const metrics = new TemporalMetrics(registry);
    metrics.failed('unreachable');
    metrics.failed('unreachable');
    const text = await registry.metrics();
    expect(sampleOf(text, 'yard_temporal_errors_total', { kind: 'unreachable' })).toBe(2);
    expect(sampleOf(text, 'yard_temporal_errors_total', { kind: 'connect' })).toBe(0);
    expect(sampleOf(text, 'yard_temporal_errors_total', { kind: 'rejected' })).toBe(0);
  });
});
