import { isGrpcServiceError } from '@temporalio/client';
import { Counter, type Registry } from 'prom-client';
import { isTemporalUnreachable } from '../temporal/temporal-unreachable';

/**
 * How a Temporal call of the scheduler failed: `connect`, no connection could be made; `unreachable`, the call
 * ran out of time or found the server gone; `rejected`, Temporal answered with an error (a workflow that is not
 * there, one already started). Job code's failures are not the scheduler's calls and are not counted here.
 */
export type TemporalErrorKind = 'connect' | 'unreachable' | 'rejected';

/** The kind of a call's error; null for one that is not Temporal's (a bug of ours, a refusal of our own). */
export function temporalErrorKindOf(error: unknown): TemporalErrorKind | null {
  if (isTemporalUnreachable(error)) return 'unreachable';
  const cause = error instanceof Error && isGrpcServiceError(error.cause) ? error.cause : error;
  return isGrpcServiceError(cause) ? 'rejected' : null;
}

/** The scheduler's Temporal call errors, by kind. */
export class TemporalMetrics {
  private readonly errors: Counter<'kind'>;

  constructor(registry: Registry) {
    this.errors = new Counter({ name: 'yard_temporal_errors_total', help: "The scheduler's Temporal calls that failed, by kind (connect, unreachable, rejected)", labelNames: ['kind'], registers: [registry] });
    for (const kind of ['connect', 'unreachable', 'rejected'] as const) this.errors.inc({ kind }, 0);
  }

  failed(kind: TemporalErrorKind): void {
    this.errors.inc({ kind });
  }
}
