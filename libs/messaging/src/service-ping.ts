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
}

/** Answers health pings for a service. `check` reports the service's own dependencies. */
export function answerPings(
  nc: NatsConnection,
  instance: string,
  service: ServiceName,
  instanceId: string,
  check: () => Promise<Record<string, boolean>>,
  facts: () => Promise<Pick<PingAnswer, 'parked'>> = async () => ({}),
): Subscription {
  return nc.subscribe(subjectsFor(instance).servicePing(service), {
    callback: (error, msg) => {
      if (error) return;
      void Promise.all([check().catch(() => ({ self: false })), facts().catch(() => ({}))])
        .then(([details, extra]) => {
          const answer: PingAnswer = { service, instanceId, ready: Object.values(details).every(Boolean), details, ...extra };
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
