/** JetStream stream and durable consumer names for an instance. */
export interface StreamNames {
  readonly runs: string;
  readonly catalog: string;
  readonly projectionConsumer: string;
}

export function streamNamesFor(instance: string): StreamNames {
  const upper = instance.toUpperCase();
  return {
    runs: `${upper}_RUNS`,
    catalog: `${upper}_CATALOG`,
    projectionConsumer: `${instance}_projection`,
  };
}
