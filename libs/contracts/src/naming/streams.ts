/** JetStream stream and durable consumer names for an instance. */
export interface StreamNames {
  readonly runs: string;
  readonly catalog: string;
  readonly schedules: string;
  readonly projectionConsumer: string;
}

export function streamNamesFor(instance: string): StreamNames {
  const upper = instance.toUpperCase();
  return {
    runs: `${upper}_RUNS`,
    catalog: `${upper}_CATALOG`,
    schedules: `${upper}_SCHEDULES`,
    projectionConsumer: `${instance}_projection`,
  };
}
