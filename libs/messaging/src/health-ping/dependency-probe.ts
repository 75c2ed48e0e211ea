import type { DependencyState } from '../service-ping';
import type { ProbedDependency } from './health-ping-options';

/** Probes one dependency on a timer, so that a ping never waits for a server that hangs. */
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
    // Right after start (or a recovery) the probe under way knows better than the last one.
    if (!this.reachable) await this.probing;
    const { label, address } = this.dependency;
    const ok = this.reachable;
    return { ok, address, ...(ok ? {} : { reason: `${label} at ${address} does not answer` }) };
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.probing;
  }

  private probe(): void {
    this.probing = this.probing.then(async () => {
      this.reachable = await this.dependency.isReachable().catch(() => false);
    });
  }
}
