import type { ServiceName } from '../service-processes';
import type { ChaosTarget } from './chaos-target';

/** `api`, `scheduler`, `projection`, `collector`, or `collector:<id>` for a collector started with an id. */
export type ServiceTarget = ServiceName | `collector:${string}`;

/** One kill of a service process, and when it was started again. */
export interface ServiceKill {
  readonly service: ServiceTarget;
  readonly pid: number | undefined;
  readonly killedAt: number;
  readonly restartedAt: number;
}

/** Kills service processes of a stack (SIGKILL: no drain, no ack) and starts them again, keeping a record. */
export class ServiceFaults {
  readonly kills: ServiceKill[] = [];

  constructor(private readonly target: ChaosTarget) {}

  /** Kills `service`, leaves it down for `downMs`, and starts it again (a new process, same configuration). */
  async killAndRestart(service: ServiceTarget, downMs: number): Promise<ServiceKill> {
    const process = this.target.service(service);
    const pid = process.pid;
    const killedAt = Date.now();
    await process.kill();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    if (service.startsWith('collector:')) this.target.startCollector(service.slice('collector:'.length));
    else this.target.startService(service as ServiceName);
    const kill = { service, pid, killedAt, restartedAt: Date.now() };
    this.kills.push(kill);
    return kill;
  }

  /** The pids of every collector process killed so far: job code they ran may run again elsewhere, by design. */
  killedCollectorPids(): Set<number> {
    return new Set(this.kills.filter((kill) => kill.service.startsWith('collector') && kill.pid !== undefined).map((kill) => kill.pid as number));
  }
}
