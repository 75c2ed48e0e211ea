/** When a sample was taken: before the load (idle), while the log lines pass through, or after they all did. */
export type MemoryPhase = 'idle' | 'load' | 'after';

export interface RssSample {
  readonly phase: MemoryPhase;
  readonly rssKb: number;
}

export interface ServiceMemory {
  readonly service: string;
  /** The median of the idle samples: one sample can catch a garbage collection half done. */
  readonly idleMb: number;
  readonly peakDuringMb: number;
  /** The last sample after the load: what the service keeps once it is over. */
  readonly afterMb: number;
  readonly samples: number;
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One service's figures from its samples, in MB (MiB, as `ps` and /proc count them). Throws when a phase has none. */
export function summarizeServiceMemory(service: string, samples: readonly RssSample[]): ServiceMemory {
  const of = (phase: MemoryPhase) => samples.filter((sample) => sample.phase === phase).map((sample) => sample.rssKb);
  const idle = of('idle');
  const load = of('load');
  const after = of('after');
  for (const [phase, values] of [['idle', idle], ['load', load], ['after', after]] as const) {
    if (values.length === 0) throw new Error(`${service}: no ${phase} sample of its RSS`);
  }
  return { service, idleMb: mb(median(idle)), peakDuringMb: mb(Math.max(...load)), afterMb: mb(after[after.length - 1]), samples: samples.length };
}

/**
 * The figures as a table, with the total and each service measured against `budgetMb` (the idle budget; the peak
 * is held to it too, since a service that stays flat under load stays near its idle figure).
 */
export function memoryTable(services: readonly ServiceMemory[], budgetMb: number): string[] {
  const cell = (value: string | number, width: number) => String(value).padStart(width);
  const lines = [`${'service'.padEnd(12)}${cell('idle MB', 10)}${cell('peak MB', 10)}${cell('after MB', 10)}${cell('after-idle', 12)}  within ${budgetMb} MB`];
  for (const service of services) {
    const growth = Math.round((service.afterMb - service.idleMb) * 10) / 10;
    const within = service.idleMb <= budgetMb && service.peakDuringMb <= budgetMb ? 'yes' : 'NO';
    lines.push(`${service.service.padEnd(12)}${cell(service.idleMb, 10)}${cell(service.peakDuringMb, 10)}${cell(service.afterMb, 10)}${cell(growth >= 0 ? `+${growth}` : growth, 12)}  ${within}`);
  }
  const total = (pick: (service: ServiceMemory) => number) => Math.round(services.reduce((sum, service) => sum + pick(service), 0) * 10) / 10;
  lines.push(`${'total'.padEnd(12)}${cell(total((s) => s.idleMb), 10)}${cell(total((s) => s.peakDuringMb), 10)}${cell(total((s) => s.afterMb), 10)}`);
  return lines;
}
