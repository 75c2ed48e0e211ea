import type { CollectorType, CollectionProtocol, ConnectionTarget, DeviceRetry, RunWorkflowInput } from '@yardmaster/contracts';

/** A device of a plan run, as small as the workflow's history needs it. */
export interface PlanDevice {
  readonly id: string;
  readonly name: string;
}

/** Who and what a collection activity works for: what its events and log entries carry. */
export interface PlanRunScope {
  readonly runId: string;
  readonly requestedBy: string;
  readonly correlationId: string;
}

export interface OpenFactsReportInput {
  /** The run as the workflow has it: its data is the plan snapshot, checked by the activity. */
  readonly run: RunWorkflowInput;
}

/** The checked plan's settings the workflow fans out with, and the devices it collects, in the order they go. */
export interface OpenedFactsReport {
  readonly devices: readonly PlanDevice[];
  readonly collectorTypes: readonly CollectorType[];
  readonly credentialsRef: string | null;
  /** Which of each device's addresses to dial (absent from reports opened by older collectors: `primary`). */
  readonly connectionTarget?: ConnectionTarget;
  /** How each device is asked (absent from reports opened by older collectors: `snmp`). */
  readonly protocol?: CollectionProtocol;
  readonly devicesAtOnce: number;
  readonly deviceTimeoutSeconds: number;
  readonly deviceRetry: DeviceRetry;
  /** The plan's switch: false, the run applies its report's entries when its devices are done (absent: detect only). */
  readonly detectOnly?: boolean;
}

export interface CollectDeviceInput {
  readonly scope: PlanRunScope;
  readonly device: PlanDevice;
  readonly collectorTypes: readonly CollectorType[];
  /** The plan's credential set; null: the device's own. A name, never a secret. */
  readonly credentialsRef: string | null;
  /** Which of the device's addresses to dial, in what order; absent (a run begun by older code): `primary`. */
  readonly connectionTarget?: ConnectionTarget;
  /** The plan's attempts per device: the activity says "attempt 2 of 3" and knows its last. */
  readonly maxAttempts: number;
  /** How the device is asked: SNMP (absent: runs begun before SSH collection), or SSH with its platform's commands. */
  readonly protocol?: CollectionProtocol;
}

/** Entries of one collected device by action: counts only, the entries themselves went out as facts events. */
export interface DeviceEntryCounts {
  readonly new: number;
  readonly changed: number;
  readonly confirmed: number;
  readonly stale: number;
}

export interface DeviceFailedInput {
  readonly scope: PlanRunScope;
  readonly device: PlanDevice;
  readonly code: string;
  readonly message: string;
}

export interface ApplyFactsReportInput {
  readonly scope: PlanRunScope;
  /** Whom the entries are applied as (`resolvedBy`): the run's actor. */
  readonly actor: string;
  /** How many entries the devices reported: the activity applies nothing until it reads them all back. */
  readonly entries?: number;
}

/** What became of the report's entries: counts only. `earlier`: an earlier attempt had applied them already. */
export interface AppliedFactsReport {
  readonly applied: number;
  readonly failed: number;
  readonly earlier: boolean;
}

export interface CloseFactsReportInput {
  readonly scope: PlanRunScope;
  readonly devicesCollected: number;
  readonly devicesFailed: number;
  readonly entries: number;
}

/**
 * The activities of a plan run's `run` step (`collection.CollectFacts`): the collector implements them; facts
 * events and the devices' log entries are theirs to publish, so only counts come back into workflow history.
 */
export interface CollectionActivities {
  /** Checks the plan snapshot, resolves its devices and publishes `facts.report_opened`. */
  openFactsReport(input: OpenFactsReportInput): Promise<OpenedFactsReport>;
  /** Collects one device over SNMP (on the address the plan's connection target picks) and publishes its entries; throws (typed by code) when the device cannot be asked. */
  collectDevice(input: CollectDeviceInput): Promise<DeviceEntryCounts>;
  /** A device's last attempt failed: `facts.device_failed` and a failure entry in the device's log. */
  reportDeviceFailed(input: DeviceFailedInput): Promise<void>;
  /** Apply mode: applies the report's entries (read back from the FACTS stream) and publishes their resolution. */
  applyFactsReport(input: ApplyFactsReportInput): Promise<AppliedFactsReport>;
  /** Publishes `facts.report_closed`: no more entries will come. */
  closeFactsReport(input: CloseFactsReportInput): Promise<void>;
}
