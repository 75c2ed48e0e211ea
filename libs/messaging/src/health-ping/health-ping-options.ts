import type { ServiceName } from '@yardmaster/contracts';
import type { PingAnswer } from '../service-ping';

/** A server the service reaches on behalf of others (the scheduler: Temporal), probed in the background. */
export interface ProbedDependency {
  /** How a reason names it: "Temporal at 127.0.0.1:7233 does not answer". */
  readonly label: string;
  readonly address: string;
  readonly isReachable: () => Promise<boolean>;
}

/** What one service answers to a health ping with; NATS is always among its own parts. */
export interface HealthPingOptions {
  readonly instance: string;
  readonly service: ServiceName;
  readonly instanceId: string;
  /** The service's own parts beyond NATS: all true is ready. A check that throws counts as false. */
  readonly checks?: Record<string, () => Promise<boolean> | boolean>;
  /** Reported, never part of `ready`, so that a server being down is not blamed on the service that found out. */
  readonly dependencies?: Record<string, ProbedDependency>;
  /** Facts beside readiness (the projection: its parked events). */
  readonly facts?: () => Promise<Pick<PingAnswer, 'parked'>>;
  /** How often dependencies are probed; a ping answers with the latest probe rather than waiting on the server. */
  readonly probeIntervalMs?: number;
}
