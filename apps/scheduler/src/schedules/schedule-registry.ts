import { Inject, Injectable } from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleDescription, type ScheduleHandle } from '@temporalio/client';
import {
  ErrorCode,
  newEvent,
  subjectsFor,
  SYSTEM_ACTOR_PREFIX,
  temporalScheduleIdFor,
  YardError,
  type ScheduleChanged,
  type ScheduleChangeKind,
  type ScheduleDefinition,
  type ScheduleSnapshot,
} from '@yardmaster/contracts';
import { EventPublisher } from '@yardmaster/messaging';
import { randomUUID } from 'node:crypto';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { definitionOf, sameDefinition, snapshotOf, temporalScheduleOptions } from './temporal-schedule';

/** Temporal applies a schedule change a moment after accepting it; a describe waits this long for it. */
const CHANGE_VISIBLE_WITHIN_MS = 10_000;

/**
 * The scheduler's one door to Temporal Schedules, and to the `schedule.changed` events that tell the
 * projection what each schedule now is. Temporal is the truth; the events follow it.
 */
@Injectable()
export class ScheduleRegistry {
  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    private readonly temporal: TemporalClientProvider,
    private readonly publisher: EventPublisher,
  ) {}

  /** Runs a person's command on schedules: a 503 while Temporal is down names it and says whether it took effect. */
  command<T>(doing: string, work: () => Promise<T>): Promise<T> {
    return this.temporal.command(doing, work);
  }

  /** For background work that lists schedules; commands go through the methods below, each call under a deadline. */
  client(): Promise<Client> {
    return this.temporal.getOrUnavailable();
  }

  /** Creates the schedule; false when one with this id already exists (Temporal keeps ids unique). */
  async create(scheduleId: string, definition: ScheduleDefinition): Promise<boolean> {
    try {
      await this.temporal.rpc('change', (client) => client.schedule.create(temporalScheduleOptions(this.config.shared.instance, scheduleId, definition)));
      return true;
    } catch (error) {
      if (error instanceof ScheduleAlreadyRunning) return false;
      throw error;
    }
  }

  /** Replaces the spec, action and policies, keeping whether the schedule is paused; returns once Temporal shows it. */
  async replace(scheduleId: string, definition: ScheduleDefinition): Promise<void> {
    const options = temporalScheduleOptions(this.config.shared.instance, scheduleId, definition);
    await this.temporal.rpc('change', (client) =>
      this.handleOf(client, scheduleId).update((previous) => ({
        spec: options.spec,
        action: options.action,
        policies: options.policies,
        state: { ...previous.state, ...(definition.timing.kind === 'at' ? { remainingActions: 1 } : {}) },
      })),
    );
    await this.waitUntilShown(scheduleId, (description) => {
      const shown = definitionOf(description);
      return shown !== null && sameDefinition(shown, definition);
    });
  }

  async pause(scheduleId: string, reason: string): Promise<void> {
    await this.temporal.rpc('change', (client) => this.handleOf(client, scheduleId).pause(reason));
    await this.waitUntilShown(scheduleId, (description) => description.state.paused);
  }

  async resume(scheduleId: string, reason: string): Promise<void> {
    await this.temporal.rpc('change', (client) => this.handleOf(client, scheduleId).unpause(reason));
    await this.waitUntilShown(scheduleId, (description) => !description.state.paused);
  }

  /** One run now, whatever the overlap policy; the schedule's next times stay. */
  async trigger(scheduleId: string): Promise<void> {
    await this.temporal.rpc('change', (client) => this.handleOf(client, scheduleId).trigger(ScheduleOverlapPolicy.ALLOW_ALL));
  }

  async delete(scheduleId: string): Promise<void> {
    await this.temporal.rpc('change', (client) => this.handleOf(client, scheduleId).delete());
  }

  /** A change Temporal has accepted shows in a describe shortly after: wait for it, so what we publish is true. */
  private async waitUntilShown(scheduleId: string, shown: (description: ScheduleDescription) => boolean): Promise<void> {
    const deadline = Date.now() + CHANGE_VISIBLE_WITHIN_MS;
    while (!shown(await this.describe(scheduleId))) {
      if (Date.now() > deadline) throw new Error(`Temporal did not show the change to schedule ${scheduleId} within ${CHANGE_VISIBLE_WITHIN_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async describe(scheduleId: string): Promise<ScheduleDescription> {
    try {
      return await this.temporal.rpc('read', (client) => this.handleOf(client, scheduleId).describe());
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) throw new YardError(ErrorCode.ScheduleNotFound, `No schedule has the id ${JSON.stringify(scheduleId)}`);
      throw error;
    }
  }

  private handleOf(client: Client, scheduleId: string): ScheduleHandle {
    return client.schedule.getHandle(temporalScheduleIdFor(this.config.shared.instance, scheduleId));
  }

  /** Pauses a schedule with the reason a person will read; a schedule already gone is left alone. */
  async pauseFor(scheduleId: string, reason: string): Promise<void> {
    try {
      await this.pause(scheduleId, reason);
      await this.publishCurrent(scheduleId, `${SYSTEM_ACTOR_PREFIX}scheduler`);
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
  }

  /** Reads the schedule back from Temporal and publishes it as it now is; `change` says what a person did (for the audit). */
  async publishCurrent(scheduleId: string, actor: string, change?: ScheduleChangeKind): Promise<ScheduleSnapshot> {
    const snapshot = snapshotOf(scheduleId, await this.describe(scheduleId));
    await this.publish(snapshot, actor, change);
    return snapshot;
  }

  async publish(snapshot: ScheduleSnapshot, actor: string = `${SYSTEM_ACTOR_PREFIX}scheduler`, change?: ScheduleChangeKind): Promise<void> {
    const id = randomUUID();
    const event: ScheduleChanged = newEvent({
      id,
      type: 'schedule.changed',
      occurredAt: snapshot.observedAt,
      aggregateId: snapshot.scheduleId,
      sequence: 0,
      correlationId: id,
      actor,
      data: change ? { ...snapshot, change } : snapshot,
    });
    await this.publisher.publish(subjectsFor(this.config.shared.instance).scheduleChanged(snapshot.scheduleId), event);
  }
}
