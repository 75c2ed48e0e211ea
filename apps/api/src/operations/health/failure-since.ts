import type { HealthCheck } from './health-checks';

/** Remembers when each check stopped being ok (in memory, per API process), to answer `since`. */
export class FailureSince {
  private readonly since = new Map<string, string>();

  stamp(checks: Record<string, HealthCheck>, now: Date): Record<string, HealthCheck> {
    return Object.fromEntries(
      Object.entries(checks).map(([name, check]) => {
        if (check.status === 'ok') {
          this.since.delete(name);
          return [name, check];
        }
        if (!this.since.has(name)) this.since.set(name, now.toISOString());
        return [name, { ...check, since: this.since.get(name) }];
      }),
    );
  }
}
