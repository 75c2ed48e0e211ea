// What a benchmark watches besides the REST API, on the machine the stack runs on: the projection's backlog in
// JetStream and the resident memory of service processes. Reaches the instance as the services do (YARD_INSTANCE,
// YARD_NATS_URL); process ids come from the services themselves (their ids end in `:<pid>`). /proc is parsed by
// the same functions as `npm run bench:memory` (`@yardmaster/testing`, memory/proc-readings).
import { readFileSync } from 'node:fs';

/** The instance's NATS connection and stream names, read from the environment as the services read them. */
export async function connectToInstance() {
  const { EnvReader, readSharedConfig } = await import('@yardmaster/config');
  const { connectNats } = await import('@yardmaster/messaging');
  const { streamNamesFor } = await import('@yardmaster/contracts');
  const reader = new EnvReader(process.env);
  const { instance, natsUrl } = reader.finish({ shared: readSharedConfig(reader) }).shared;
  const nc = await connectNats(natsUrl, 'yardmaster-bench');
  return { nc, instance, streams: streamNamesFor(instance) };
}

/** The process id at the end of a service's id (`projection@host:1234`), or null. */
export function pidOfServiceId(serviceId) {
  const match = /:(\d+)$/.exec(serviceId ?? '');
  return match ? Number(match[1]) : null;
}

/** A service's process id, from its answer to a health ping (the first to answer); null when none answers. */
export async function servicePid({ nc, instance }, service) {
  const { pingService } = await import('@yardmaster/messaging');
  const answer = await pingService(nc, instance, service, 2_000);
  return pidOfServiceId(answer?.instanceId);
}

/** Resident memory of a local process in bytes, or null when it cannot be read (another host, gone). */
function residentBytes(procReadings, pid) {
  try {
    const kb = procReadings.residentKbOf(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb === null ? null : kb * 1024;
  } catch {
    return null;
  }
}

/** CPU seconds a local process has used (user + system), or null when it cannot be read. */
function cpuSeconds(procReadings, pid) {
  try {
    return procReadings.cpuTicksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ, 100 on every common build. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Samples, every `intervalMs` until stopped: each named process's resident memory (first and peak), the CPU time it
 * used since it was first sampled, and the
 * projection's backlog on the runs stream (events not yet delivered plus delivered but not yet acked; peak).
 */
export async function startWatch({ nc, streams }, intervalMs = 250) {
  // Loaded before the first process is followed: loading it took longer than a fast job's whole run, whose CPU the
  // first sample then missed.
  const procReadings = await import('@yardmaster/testing');
  const memory = new Map();
  let peakBacklog = 0;
  let jsm = null;
  const sampleProcess = (entry) => {
    const bytes = residentBytes(procReadings, entry.pid);
    if (bytes === null) return;
    entry.first ??= bytes;
    entry.peak = Math.max(entry.peak ?? 0, bytes);
    const cpu = cpuSeconds(procReadings, entry.pid);
    if (cpu === null) return;
    entry.cpuAtStart ??= cpu;
    entry.cpu = cpu - entry.cpuAtStart;
  };
  const sample = async () => {
    for (const entry of memory.values()) sampleProcess(entry);
    try {
      jsm ??= await (await import('@nats-io/jetstream')).jetstreamManager(nc);
      const info = await jsm.consumers.info(streams.runs, streams.projectionConsumer);
      peakBacklog = Math.max(peakBacklog, info.num_pending + info.num_ack_pending);
    } catch {
      // not there yet, or NATS busy: the next sample tries again
    }
  };
  const timer = setInterval(() => void sample(), intervalMs);
  return {
    /** Follows a process (named for the report), sampled at once; another pid under the same name starts over. */
    follow(name, pid) {
      if (pid === null || memory.get(name)?.pid === pid) return;
      const entry = { pid, first: null, peak: null, cpuAtStart: null, cpu: 0 };
      memory.set(name, entry);
      sampleProcess(entry);
    },
    async stop() {
      clearInterval(timer);
      await sample();
      return { memory, peakBacklog };
    },
  };
}
