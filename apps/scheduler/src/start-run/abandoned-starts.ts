import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { workflowIdForRun, type RunStartClaim } from '@yardmaster/contracts';
import { errorLogFields, NATS_CONNECTION, RunStartClaims } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { workflowStateOf } from '../temporal/workflow-state';
import { ABANDONED_START_TERMINATION_REASON } from './ended-without-running';

/**
 * Often, while any start is abandoned (only during and just after a Temporal outage), so that a straggler leaves
 * Temporal soon. It could not run meanwhile (its first activity finds the `abandoned` claim); at 5 s, before the claim
 * existed, a straggler of Hello World completed first (dependency chaos, December 2, 2026).
 */
const SWEEP_INTERVAL_MS = 250;
/** Once Temporal answers "no such workflow" this long after the start gave up, the start can no longer arrive. */
const SETTLED_AFTER_MS = 30_000;

/**
 * Starts that gave up because Temporal could not be reached. A start request may still have reached Temporal before
 * it went away, and a collector may run it at once. Two things keep the client's "not started" true:
 * - the run id is claimed `abandoned` in the KV bucket `<instance>_run_starts` before the client is answered, and the
 *   run's first activity claims it `started` before its first event: exactly one claim wins. A run the scheduler
 *   claimed first publishes nothing and runs no job code; a run that claimed first did start, and the client is told so;
 * - a straggler still waiting in Temporal is terminated once Temporal answers again (in memory: a scheduler that dies
 *   meanwhile leaves it to be refused by the claim).
 * A keyed retry of the same run takes the run back (`reclaim`) first.
 */
@Injectable()
export class AbandonedStarts implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AbandonedStarts.name);
  private readonly abandonedAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> = Promise.resolve();
  private claims: Promise<RunStartClaims> | null = null;

  constructor(
    private readonly temporal: TemporalClientProvider,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
  ) {}

  /**
   * Gives up a start Temporal did not answer. `abandoned`: the run will not run (the client hears "not started");
   * `started`: a collector claimed it first, so it did start; null: NATS could not record the claim either, so
   * whether it runs is unknown (the sweep still terminates it if Temporal holds it before a collector takes it).
   */
  async abandon(runId: string): Promise<RunStartClaim | null> {
    const claim = await this.openClaims()
      .then((claims) => claims.abandon(runId))
      .catch((error: unknown) => {
        this.logger.warn({ runId, ...errorLogFields(error) }, 'Could not record the abandoned start in NATS');
        return null;
      });
    if (claim !== 'started') this.abandonedAt.set(runId, Date.now());
    return claim;
  }

  /** A keyed retry wants this run after all. */
  async reclaim(runId: string): Promise<void> {
    this.abandonedAt.delete(runId);
    await this.openClaims()
      .then((claims) => claims.reclaim(runId))
      .catch((error: unknown) => this.logger.warn({ runId, ...errorLogFields(error) }, 'Could not withdraw an abandoned start in NATS'));
  }

  private openClaims(): Promise<RunStartClaims> {
    this.claims ??= RunStartClaims.open(this.nc, this.config.shared.instance).catch((error: unknown) => {
      this.claims = null;
      throw error;
    });
    return this.claims;
  }

  onApplicationBootstrap(): void {
    let running = false;
    this.timer = setInterval(() => {
      // One sweep at a time: while Temporal is still away, a sweep waits on it longer than the interval.
      if (running || this.abandonedAt.size === 0) return;
      running = true;
      this.sweeping = this.sweep()
        .catch(() => undefined)
        .finally(() => {
          running = false;
        });
    }, SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  async sweep(): Promise<void> {
    const client = await this.temporal.get();
    for (const [runId, at] of [...this.abandonedAt]) {
      const workflowId = workflowIdForRun(runId);
      const state = await workflowStateOf(client, workflowId);
      if (state === 'NOT_FOUND') {
        if (Date.now() - at > SETTLED_AFTER_MS) this.abandonedAt.delete(runId);
        continue;
      }
      // Checked again: a keyed retry may have reclaimed the run while Temporal was being asked.
      if (!this.abandonedAt.has(runId)) continue;
      this.abandonedAt.delete(runId);
      if (state !== 'RUNNING') continue;
      await client.workflow.getHandle(workflowId).terminate(ABANDONED_START_TERMINATION_REASON);
      this.logger.warn({ runId }, 'Terminated the run: its start reached Temporal after the client was told it had not started');
    }
  }
}
