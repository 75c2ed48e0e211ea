import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { subjectsFor, type ServiceName } from '@yardmaster/contracts';
import { decodeJson, encodeJson } from './json-codec';

export interface PingAnswer {
  readonly service: ServiceName;
  readonly instanceId: string;
  readonly ready: boolean;
  readonly details: Record<string, boolean>;
  /** The projection's parked events: it is ready, but degraded while any wait to be replayed. */
  readonly parked?: number;
  /**
   * What the service sees of servers it reaches for others (the scheduler: Temporal): reported, but not part of
   * `ready`, so that a server being down is not blamed on the service that found out.
   */
  readonly dependencies?: Record<string, DependencyState>;
}

/** One server as a service sees it: reachable or not, where, and why not. */
export interface DependencyState {
  readonly ok: boolean;
  readonly address?: string;
  readonly reason?: string;
}

/** What a service's check reports: its own parts (`ready` when all are true), and optionally the servers it sees. */
export type PingCheck = Record<string, boolean> | { readonly details: Record<string, boolean>; readonly dependencies: Record<string, DependencyState> };

/** Answers health pings for a service. `check` reports the service's own dependencies. */
export function answerPings(
  nc: NatsConnection,
  instance: string,
  service: ServiceName,
  instanceId: string,
  check: () => Promise<PingCheck>,
  facts: () => Promise<Pick<PingAnswer, 'parked'>> = async () => ({}),
): Subscription {
  return nc.subscribe(subjectsFor(instance).servicePing(service), {
    callback: (error, msg) => {
      if (error) return;
      void Promise.all([check().catch((): PingCheck => ({ self: false })), facts().catch(() => ({}))])
        .then(([checked, extra]) => {
          const { details, dependencies } = splitCheck(checked);
          const answer: PingAnswer = { service, instanceId, ready: Object.values(details).every(Boolean), details, ...(dependencies ? { dependencies } : {}), ...extra };
          msg.respond(encodeJson(answer));
        });
    },
  });
}

/** Asks one instance of a service whether it is ready; null when none answers in time. */
export async function pingService(nc: NatsConnection, instance: string, service: ServiceName, timeoutMs: number): Promise<PingAnswer | null> {
  try {
    const msg = await nc.request(subjectsFor(instance).servicePing(service), encodeJson({}), { timeout: timeoutMs });
    return decodeJson<PingAnswer>(msg.data);
  } catch {
    return null;
  }
}

/**
 * Asks every instance of a service whether it is ready and gathers the answers that come within `waitMs`: for a
 * check of one particular instance (a container's health check), where `pingService` hears only the fastest.
 */
export async function pingEveryInstance(nc: NatsConnection, instance: string, service: ServiceName, waitMs: number): Promise<PingAnswer[]> {
  const answers: PingAnswer[] = [];
  const replies = await nc.requestMany(subjectsFor(instance).servicePing(service), encodeJson({}), { strategy: 'timer', maxWait: waitMs });
  try {
    for await (const reply of replies) answers.push(decodeJson<PingAnswer>(reply.data));
  } catch {
    // No responders (or the connection went away): whatever came so far is the answer.
  }
  return answers;
}

function splitCheck(checked: PingCheck): { details: Record<string, boolean>; dependencies?: Record<string, DependencyState> } {
  if (typeof checked.details === 'object') return checked as Exclude<PingCheck, Record<string, boolean>>;
  return { details: checked as Record<string, boolean> };
}
