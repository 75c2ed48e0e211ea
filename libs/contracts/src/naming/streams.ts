/** JetStream stream and durable consumer names for an instance. */
export interface StreamNames {
  readonly runs: string;
  readonly catalog: string;
  readonly schedules: string;
  /** Changes to users, groups, grants and tokens: the API's events, for the audit. */
  readonly identity: string;
  /** Facts reports of collection plan runs. */
  readonly facts: string;
  readonly projectionConsumer: string;
  /** The audit's durable consumer on each stream: apart from the projection's, so each keeps its own place. */
  readonly auditConsumer: string;
  /** Events a durable consumer gave up on (poison events), kept with the reason until replayed. */
  readonly parked: string;
}

export function streamNamesFor(instance: string): StreamNames {
  const upper = instance.toUpperCase();
  return {
    runs: `${upper}_RUNS`,
    catalog: `${upper}_CATALOG`,
    schedules: `${upper}_SCHEDULES`,
    identity: `${upper}_IDENTITY`,
    facts: `${upper}_FACTS`,
    projectionConsumer: `${instance}_projection`,
    auditConsumer: `${instance}_audit`,
    parked: `${upper}_PARKED`,
  };
}
