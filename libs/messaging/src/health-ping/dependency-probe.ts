import type { DependencyState } from '../service-ping';
import type { ProbedDependency } from './health-ping-options';

/**
 * How long a ping waits for the probe under way when the last one failed. A probe of a server that is gone can take
 * its whole deadline (Temporal's: 1 s); a ping that waited for it, on a busy machine, missed the API's 1.5 s and made
 * a live scheduler read `down` in /api/health. Past this, the ping answers with what the last probe found.
 */
export const PROBE_WAIT_MS = 200;

/** Probes one dependency on a timer, so that a ping never waits long for a server that hangs. */
export class DependencyProbe {
  private reachable = false;
  private probing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dependency: ProbedDependency,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.probe();
    this.timer = setInterval(() => this.probe(), this.intervalMs);
  }

  async state(): Promise<DependencyState> {
    // Right after start (or a recovery) the probe under way knows better than the last one, if it answers soon.
    if (!this.reachable) await this.probeUnderWay();
    const { label, address } = this.dependency;
    const ok = this.reachable;
    return { ok, address, ...(ok ? {} : { reason: `${label} at ${address} does not answer` }) };
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.probing;
  }

  private async probeUnderWay(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, PROBE_WAIT_MS);
    });
    try {
      await Promise.race([this.probing, waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  private probe(): void {
    this.probing = this.probing.then(async () => {
      this.reachable = await this.dependency.isReachable().catch(() => false);
    });
  }
}
