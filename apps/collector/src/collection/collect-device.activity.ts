import { Context } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';
import { DEFAULT_CONNECTION_TARGET, ErrorCode, type CollectorType, type Device, type FactsEntry } from '@yardmaster/contracts';
import { openSnmpSession, runCollector, SNMP_COLLECTOR_TYPES, type SnmpCollectorType, type SnmpRecordTypes, type SnmpSession } from '@yardmaster/snmp';
import type { CollectDeviceInput, DeviceEntryCounts } from '@yardmaster/workflows';
import { StepEventBuffer } from '../activities/log-delivery/step-event-buffer';
import type { RunLogger } from '../activities/run-logger';
import type { CollectionDeps } from './collection-deps';
import { chunkEntries } from './chunk-entries';
import { deliverActivityEvents } from './deliver-activity-events';
import { roleName } from './connection-target/address-role';
import { candidateAddresses } from './connection-target/candidate-addresses';
import { dialFirstReachable } from './connection-target/dial-first-reachable';
import { snmpPortOf } from './device-address';
import { DeviceCollectionError, deviceCollectionErrorOf } from './device-collection-error';
import { deviceLogger, deviceObject } from './device-log';
import { encodeFactsEvent } from './facts-event';
import { currentFactsOf } from './facts-diff/current-facts';
import { DETECTORS, type DetectContext } from './facts-diff/detected-facts';
import { diffFacts } from './facts-diff/diff-facts';
import { CLI_DETECTORS, type CliDetectContext } from './facts-diff/cli-detected-facts';
import type { DetectedRecord } from './facts-diff/facts-records';
import type { CollectedOverCli } from './cli/collect-over-cli';
import { collectOverSsh, sshCollectionDeps } from './cli/collect-over-ssh';
import { readDeviceInventory } from './read-device-inventory';
import { snmpCredentialsOf } from './snmp-credentials';
import { isSnmpUnreachable, proveSnmpAnswers } from './snmp-reachability';

const HEARTBEAT_INTERVAL_MS = 250;

type CollectedByType = Map<SnmpCollectorType, readonly SnmpRecordTypes[SnmpCollectorType][]>;

/**
 * Collects one device of a plan run over SNMP: reads the device, opens its credential set (here, and only for the
 * session), dials the address the plan's connection target picks (the second of a fallback target when the first
 * does not answer), runs the plan's collector types, diffs what it found against the inventory and publishes the entries as
 * `facts.entries_detected` parts with ids of the report, device and part (a repeated attempt publishes nothing twice).
 * Its log goes to the run's log under the device's name. A device that cannot be asked throws a failure typed by
 * its code (SNMP_TIMEOUT, NO_CREDENTIALS, …); those a retry cannot mend are not retried. Nothing is applied here.
 */
export function createCollectDevice(deps: CollectionDeps) {
  return async function collectDevice(input: CollectDeviceInput): Promise<DeviceEntryCounts> {
    const { scope, device, maxAttempts } = input;
    const activity = Context.current();
    const startedAt = Date.now();
    const attempt = activity.info.attempt;
    const buffer = new StepEventBuffer(deps.publisher, deps.logDelivery);
    const logger = deviceLogger(buffer, deps.instance, scope, device, attempt);
    const object = deviceObject(device);
    const heartbeat = setInterval(() => activity.heartbeat(), HEARTBEAT_INTERVAL_MS);
    try {
      if (attempt > 1) logger.info(`Attempt ${attempt} of ${maxAttempts}`, { object });
      const found = (await deps.inventory.collections.devices.get(device.id)) as Device | null;
      if (!found) throw new DeviceCollectionError('DEVICE_NOT_FOUND', `Device ${device.name} is no longer in the inventory`);
      // A cancel does not wait for an SNMP request to time out: the device's log says so and the activity ends.
      const work = (async () =>
        input.protocol === 'ssh'
          ? diffCliDevice(deps, input, found, await collectOverSsh(sshCollectionDeps(deps, (ref) => openCredentials(deps, ref)), input, found, logger, activity))
          : diffDevice(deps, input, found, await collectOverSnmp(deps, input, found, logger, activity)))();
      work.catch(() => undefined);
      const entries = await Promise.race([work, activity.cancelled]);
      const parts = chunkEntries(entries);
      for (const [index, part] of parts.entries()) {
        const event = encodeFactsEvent(deps.instance, scope, 'facts.entries_detected', `${device.id}:entries:${index + 1}`, index + 1, {
          deviceId: device.id,
          deviceName: device.name,
          part: index + 1,
          parts: parts.length,
          entries: part,
        });
        buffer.enqueue(event);
      }
      const counts = countByAction(entries);
      logger.success(`Collected ${device.name}: ${counts.new} new, ${counts.changed} changed, ${counts.confirmed} confirmed, ${counts.stale} stale`, { object });
      await deliverActivityEvents(buffer, deps, startedAt);
      return counts;
    } catch (error) {
      if (error instanceof CancelledFailure || activity.cancellationSignal.aborted) {
        logger.warning(`Collection of ${device.name} stopped: the run was cancelled or ran out of time`, { object });
        await deliverActivityEvents(buffer, deps, startedAt).catch(() => undefined);
        throw error instanceof CancelledFailure ? error : new CancelledFailure(`Collection of ${device.name} cancelled`);
      }
      const failure = deviceCollectionErrorOf(error);
      const next = failure.retryable && attempt < maxAttempts ? '; it will be retried' : '';
      logger.warning(`Attempt ${attempt} of ${maxAttempts} failed: ${failure.code}: ${failure.message}${next}`, { object });
      await deliverActivityEvents(buffer, deps, startedAt);
      throw failure.toFailure();
    } finally {
      clearInterval(heartbeat);
    }
  };
}

async function collectOverSnmp(deps: CollectionDeps, input: CollectDeviceInput, device: Device, logger: RunLogger, activity: Context): Promise<CollectedByType> {
  const object = deviceObject(input.device);
  const target = input.connectionTarget ?? DEFAULT_CONNECTION_TARGET;
  const candidates = candidateAddresses(device, target);
  const port = snmpPortOf(device);
  const credentialsRef = input.credentialsRef ?? device.management?.credentialsRef ?? null;
  if (!credentialsRef) throw new DeviceCollectionError('NO_CREDENTIALS', `Neither the plan nor device ${device.name} names a credential set`);
  const credentials = snmpCredentialsOf(await openCredentials(deps, credentialsRef));
  const timing = requestTimingOf(activity);
  const { connection: session, address } = await dialFirstReachable(candidates, {
    dial: async (candidate) => {
      if (activity.cancellationSignal.aborted) throw new CancelledFailure('cancelled');
      const opened = openSnmpSession({ host: candidate.host, port, credentials, ...timing });
      // Only a choice to make needs the proof: a single address fails, or answers, at the first collector's request.
      return candidates.length > 1 ? proveSnmpAnswers(opened, activity.cancellationSignal) : opened;
    },
    unreachable: isSnmpUnreachable,
    onUnreachable: (candidate, error, next) => {
      logger.warning(`The ${roleName(candidate.role)} ${candidate.host}:${port} did not answer (${(error as Error).message}); trying the ${roleName(next.role)} ${next.host}:${port}`, { object });
    },
  });
  const host = address.host;
  const collected: CollectedByType = new Map();
  // Closing ends its pending request at once (net-snmp refuses a second close).
  let open = true;
  const close = () => {
    if (open) session.close();
    open = false;
  };
  activity.cancellationSignal.addEventListener('abort', close);
  try {
    logger.info(`Collecting ${input.collectorTypes.join(', ')} from ${host}:${port} (${roleName(address.role)}) with credential set ${credentialsRef}`, { object });
    for (const type of input.collectorTypes) {
      if (activity.cancellationSignal.aborted) throw new CancelledFailure('cancelled');
      if (!isSnmpType(type)) {
        logger.warning(`Skipped ${type}: SNMP cannot collect it`, { object });
        continue;
      }
      const { records, warnings } = await runCollector(session as SnmpSession, type);
      for (const warning of warnings) logger.warning(`${type}: ${warning.code}: ${warning.message}`, { object });
      collected.set(type, records);
    }
  } finally {
    activity.cancellationSignal.removeEventListener('abort', close);
    close();
  }
  return collected;
}

async function openCredentials(deps: CollectionDeps, credentialsRef: string) {
  try {
    return await deps.credentials(credentialsRef);
  } catch (error) {
    if ((error as { code?: string }).code === ErrorCode.CredentialSetNotFound) {
      throw new DeviceCollectionError('NO_CREDENTIALS', `Credential set ${credentialsRef} does not exist`);
    }
    throw error;
  }
}

/**
 * SNMP's own timeout well inside the plan's device timeout, so an agent that never answers fails as SNMP_TIMEOUT
 * (and is retried by the plan) rather than being cut off by Temporal: a quarter of it per request, one retry.
 */
function requestTimingOf(activity: Context): { timeoutMs: number; retries: number } {
  const deviceTimeoutMs = activity.info.startToCloseTimeoutMs;
  return { timeoutMs: Math.max(200, Math.min(5_000, Math.floor(deviceTimeoutMs / 4))), retries: 1 };
}

async function diffDevice(deps: CollectionDeps, input: CollectDeviceInput, device: Device, collected: CollectedByType): Promise<FactsEntry[]> {
  const inventory = await readDeviceInventory(deps.inventory.collections, device, new Set(collected.keys()));
  const collectedInterfaces = (collected.get('interfaces') ?? []) as SnmpRecordTypes['interfaces'][];
  const context: DetectContext = {
    deviceId: device.id,
    interfaceNames: new Map(
      collectedInterfaces.length > 0
        ? collectedInterfaces.map((record) => [record.ifIndex, record.name])
        : inventory.interfaces.filter((record) => record.ifIndex !== null).map((record) => [record.ifIndex as number, record.name]),
    ),
    interfaceIds: new Map(inventory.interfaces.map((record) => [record.name.toLowerCase(), record.id])),
  };
  return [...collected].flatMap(([type, records]) =>
    diffFacts({
      reportId: input.scope.runId,
      device: input.device,
      collectorType: type,
      detected: (DETECTORS[type] as (records: unknown, context: DetectContext) => ReturnType<(typeof DETECTORS)['facts']>)(records, context),
      current: currentFactsOf(type, inventory),
    }),
  );
}

/** As diffDevice, for what SSH found: CLI records name their interfaces, so only the inventory's ids are looked up. */
async function diffCliDevice(deps: CollectionDeps, input: CollectDeviceInput, device: Device, collected: CollectedOverCli): Promise<FactsEntry[]> {
  const inventory = await readDeviceInventory(deps.inventory.collections, device, new Set(collected.keys()));
  const context: CliDetectContext = { deviceId: device.id, interfaceIds: new Map(inventory.interfaces.map((record) => [record.name.toLowerCase(), record.id])) };
  return [...collected].flatMap(([type, records]) =>
    diffFacts({
      reportId: input.scope.runId,
      device: input.device,
      collectorType: type,
      detected: (CLI_DETECTORS[type] as (records: unknown, context: CliDetectContext) => DetectedRecord[])(records, context),
      current: currentFactsOf(type, inventory),
    }),
  );
}

function countByAction(entries: readonly FactsEntry[]): DeviceEntryCounts {
  const counts = { new: 0, changed: 0, confirmed: 0, stale: 0 };
  for (const entry of entries) counts[entry.action] += 1;
  return counts;
}

function isSnmpType(type: CollectorType): type is SnmpCollectorType {
  return (SNMP_COLLECTOR_TYPES as readonly string[]).includes(type);
}
