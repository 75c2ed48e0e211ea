import type { OwnNatsServer, OwnPostgresServer, OwnTemporalServer } from '@yardmaster/testing-core';

export type Dependency = 'nats' | 'postgres' | 'temporal';

/** The stack's own servers, which a test may stop and start (see libs/testing-core/src/own-servers). */
export interface OwnDependencies {
  readonly nats: OwnNatsServer;
  readonly postgres: OwnPostgresServer;
  readonly temporal: OwnTemporalServer;
}

/** One outage: which servers, when they went down, and when they answered again. */
export interface Outage {
  readonly dependencies: readonly Dependency[];
  readonly downAt: number;
  readonly backAt: number;
}

/**
 * Takes dependencies down as a crash would (NATS and Temporal SIGKILL, Postgres `immediate`), keeps them down
 * for `downMs`, then starts them again with their data and waits until each accepts connections (Temporal: answers).
 */
export async function dependencyOutage(servers: OwnDependencies, dependencies: readonly Dependency[], downMs: number): Promise<Outage> {
  const downAt = Date.now();
  await Promise.all(dependencies.map((dependency) => takeDown(servers, dependency)));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, downAt + downMs - Date.now())));
  await Promise.all(dependencies.map((dependency) => servers[dependency].start()));
  return { dependencies, downAt, backAt: Date.now() };
}

function takeDown(servers: OwnDependencies, dependency: Dependency): Promise<void> {
  switch (dependency) {
    case 'nats':
      return servers.nats.kill();
    case 'postgres':
      return servers.postgres.stop('immediate');
    case 'temporal':
      return servers.temporal.kill();
  }
}
