import { headers, type MsgHdrs } from '@nats-io/nats-core';

/** The headers of one published event: the trace it is sent in (when tracing is on) and the id JetStream dedups on. */
export function publishHeaders(eventId: string, trace: ReadonlyArray<readonly [string, string]>): MsgHdrs {
  const header = headers();
  for (const [key, value] of trace) header.set(key, value);
  header.set('Nats-Msg-Id', eventId);
  return header;
}
