import type { PingAnswer } from '@yardmaster/messaging';

/**
 * One part of the system as `/api/health` reports it. `unknown`: it could not be asked (what carries the question is
 * down), which says nothing about the part itself. `since`: when the check first stopped being ok.
 */
export interface HealthCheck {
  readonly status: 'ok' | 'degraded' | 'down' | 'unknown';
  readonly address?: string;
  readonly since?: string;
  readonly reason?: string;
}

/** What the API found out, each bit on its own: the pure input of `healthChecks`. */
export interface HealthObservations {
  readonly postgres: { readonly address: string; readonly error: string | null };
  readonly nats: { readonly address: string; readonly error: string | null };
  readonly scheduler: PingAnswer | null;
  readonly collector: PingAnswer | null;
  readonly projection: PingAnswer | null;
  readonly pingTimeoutMs: number;
}

const CANNOT_ASK = 'NATS is down, cannot ask';

/**
 * Each check from what was observed, blaming only what failed: with NATS down the services (and Temporal, which the
 * scheduler reports) are unknown, not down; with Temporal down the scheduler is still ok.
 */
export function healthChecks(seen: HealthObservations): Record<string, HealthCheck> {
  const natsUp = seen.nats.error === null;
  const service = (name: string, answer: PingAnswer | null): HealthCheck => {
    if (!natsUp) return { status: 'unknown', reason: CANNOT_ASK };
    if (!answer) return { status: 'down', reason: `no ${name} answered within ${seen.pingTimeoutMs} ms` };
    // Parked events wait for an administrator while everything else goes on: degraded, not down.
    if (answer.ready) return (answer.parked ?? 0) > 0 ? { status: 'degraded', reason: `${answer.parked} parked` } : { status: 'ok' };
    const failing = Object.entries(answer.details).filter(([, ok]) => !ok).map(([part]) => part);
    return { status: 'down', reason: `${name} ${answer.instanceId} reports ${failing.join(', ')} not ready` };
  };
  return {
    api: { status: 'ok' },
    postgres: seen.postgres.error === null ? { status: 'ok' } : { status: 'down', address: seen.postgres.address, reason: seen.postgres.error },
    nats: natsUp ? { status: 'ok' } : { status: 'down', address: seen.nats.address, reason: seen.nats.error ?? undefined },
    temporal: temporalCheck(natsUp, seen.scheduler),
    scheduler: service('scheduler', seen.scheduler),
    collector: service('collector', seen.collector),
    projection: service('projection', seen.projection),
  };
}

/** The API never talks to Temporal: the scheduler says what it sees of it. */
function temporalCheck(natsUp: boolean, scheduler: PingAnswer | null): HealthCheck {
  if (!natsUp) return { status: 'unknown', reason: CANNOT_ASK };
  if (!scheduler) return { status: 'unknown', reason: 'no scheduler answered, and the scheduler is what reaches Temporal' };
  const seen = scheduler.dependencies?.['temporal'];
  // A scheduler from before `dependencies` reports Temporal among its own details.
  const ok = seen ? seen.ok : scheduler.details['temporal'] !== false;
  if (ok) return { status: 'ok', ...(seen?.address ? { address: seen.address } : {}) };
  return { status: 'down', ...(seen?.address ? { address: seen.address } : {}), reason: seen?.reason ?? 'the scheduler cannot reach Temporal' };
}

/** 503 when any check is down or unknown; degraded parts still serve, so they leave it 200. */
export function isHealthy(checks: Record<string, HealthCheck>): boolean {
  return Object.values(checks).every((check) => check.status === 'ok' || check.status === 'degraded');
}

/** The answer's one-word summary: `ok` only when every part is ok; anything else (degraded, down, unknown) is `degraded`. */
export function overallStatus(checks: Record<string, HealthCheck>): 'ok' | 'degraded' {
  return Object.values(checks).every((check) => check.status === 'ok') ? 'ok' : 'degraded';
}
