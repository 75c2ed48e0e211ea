import { z } from 'zod';
import { readonlyArray } from '../schemas/json-schemas';

/**
 * Collection plans, as netbox_facts has them: which devices to collect which facts from, how, and whether the
 * report is applied to the inventory or only shown. A plan run is a run of the built-in job `COLLECT_FACTS_JOB_ID`
 * whose run data carries a snapshot of the plan (`CollectFactsRunData`): the run does what the plan said when it
 * started, whatever the plan says later, and the run's data shows it.
 */

/** What a plan may collect. `bgp` only where the device answers BGP4-MIB; `cdp` where it answers CISCO-CDP-MIB. */
export const COLLECTOR_TYPES = ['facts', 'interfaces', 'ip_addresses', 'arp', 'ndp', 'lldp', 'cdp', 'mac_table', 'inventory', 'bgp'] as const;
export type CollectorType = (typeof COLLECTOR_TYPES)[number];

/** A plan's priority is the queue of its runs. */
export const PLAN_PRIORITIES = ['high', 'default', 'low'] as const;
export type PlanPriority = (typeof PLAN_PRIORITIES)[number];

/**
 * netbox_facts' statuses. Derived from the plan's last run: none → `new`; scheduled/queued → `queued`;
 * running → `working`; completed → `completed`; failed, errored, timed out or cancelled → `failed`; a run the
 * read model still holds live but whose workflow no longer runs (the reconciler's finding) → `stalled`.
 */
export const PLAN_STATUSES = ['new', 'queued', 'working', 'completed', 'failed', 'stalled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * netbox_facts' `connection_target`: which of a device's addresses a plan's runs dial, and in what order.
 * `primary` (the default) and `oob` dial that address only; `primary_then_oob` and `oob_then_primary` dial the
 * second when the first does not answer (refused, timed out, silent), never after an authentication failure or an
 * answer that could not be used.
 */
export const CONNECTION_TARGETS = ['primary', 'oob', 'primary_then_oob', 'oob_then_primary'] as const;
export type ConnectionTarget = (typeof CONNECTION_TARGETS)[number];
export const DEFAULT_CONNECTION_TARGET: ConnectionTarget = 'primary';

/**
 * How a plan's runs ask each device: `snmp` (the default) with the SNMP collectors, or `ssh` with `show` commands
 * parsed by ntc-templates, picked by the device's platform (`networkDriver`: cisco_ios, cisco_nxos, arista_eos,
 * juniper_junos). Over SSH, `ndp`, `cdp` and `bgp` are skipped with a warning.
 */
export const COLLECTION_PROTOCOLS = ['snmp', 'ssh'] as const;
export type CollectionProtocol = (typeof COLLECTION_PROTOCOLS)[number];
export const DEFAULT_COLLECTION_PROTOCOL: CollectionProtocol = 'snmp';

/** Which devices a plan collects: AND across kinds, OR within one; an empty or absent kind does not filter. */
export const planDeviceFilterSchema = z
  .object({
    /** Device ids. */
    devices: readonlyArray(z.string().min(1)).optional(),
    /** Site ids. */
    sites: readonlyArray(z.string().min(1)).optional(),
    /** Role ids. */
    roles: readonlyArray(z.string().min(1)).optional(),
    /** Platform ids. */
    platforms: readonlyArray(z.string().min(1)).optional(),
    /** Tag slugs. */
    tags: readonlyArray(z.string().min(1)).optional(),
    /** Device statuses, e.g. `active`. */
    statuses: readonlyArray(z.string().min(1)).optional(),
  })
  .strict();
export type PlanDeviceFilter = z.infer<typeof planDeviceFilterSchema>;

/** How each device's collection is retried when it fails for a reason a retry may mend (a timeout, a refused session). */
export const deviceRetrySchema = z
  .object({
    maximumAttempts: z.number().int().min(1).max(10),
    initialIntervalSeconds: z.number().min(0).max(3600),
  })
  .strict();
export type DeviceRetry = z.infer<typeof deviceRetrySchema>;

export const DEFAULT_DEVICE_TIMEOUT_SECONDS = 60; // netbox_facts' napalm_timeout
export const DEFAULT_PLAN_RUN_TIMEOUT_SECONDS = 1800; // netbox_facts' job_timeout
/** The longest a plan's run may last: also `collection.CollectFacts`' own run timeout, which a plan's run only lowers. */
export const MAX_PLAN_RUN_TIMEOUT_SECONDS = 86_400;
export const DEFAULT_DEVICES_AT_ONCE = 16;
export const DEFAULT_DEVICE_RETRY: DeviceRetry = { maximumAttempts: 2, initialIntervalSeconds: 5 };

/**
 * What a plan run does, frozen when the run is requested: the plan's settings at that moment. Never a secret:
 * `credentialsRef` names a credential set the collector opens inside its activity.
 */
export const planSettingsSchema = z
  .object({
    planId: z.string().min(1),
    planName: z.string().min(1),
    collectorTypes: z.array(z.enum(COLLECTOR_TYPES)).min(1).readonly(),
    filter: planDeviceFilterSchema,
    /** The plan's credential set; null: each device's own `management.credentialsRef`. */
    credentialsRef: z.string().min(1).nullable(),
    /** Absent from snapshots taken before plans had it (a schedule's data, a run requested by hand): `primary`. */
    connectionTarget: z.enum(CONNECTION_TARGETS).default(DEFAULT_CONNECTION_TARGET),
    /** Absent from snapshots taken before plans had it: `snmp`. */
    protocol: z.enum(COLLECTION_PROTOCOLS).default(DEFAULT_COLLECTION_PROTOCOL),
    /** True: the report only shows what changed; false: its entries are applied when the run ends. */
    detectOnly: z.boolean(),
    deviceTimeoutSeconds: z.number().int().min(1).max(3600),
    devicesAtOnce: z.number().int().min(1).max(256),
    deviceRetry: deviceRetrySchema,
  })
  .strict();
export type PlanSettings = z.infer<typeof planSettingsSchema>;

export { COLLECT_FACTS_JOB_ID } from './collect-facts-job';

/** The run data of a plan run (the job's one `json` variable, `plan`, and the optional device restriction). */
export const collectFactsRunDataSchema = z
  .object({
    plan: planSettingsSchema,
    /**
     * Set when only some devices are collected again (`devicesFrom` on the REST request, resolved by the API to
     * the devices that failed in that run): the plan's filter still applies, this narrows it.
     */
    deviceIds: readonlyArray(z.string().min(1)).nullish(),
  })
  .strict();
export type CollectFactsRunData = z.infer<typeof collectFactsRunDataSchema>;

/** `POST /api/collection-plans` and `PUT`; `PATCH` takes any subset. */
export const collectionPlanBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000).default(''),
    enabled: z.boolean().default(true),
    priority: z.enum(PLAN_PRIORITIES).default('default'),
    /** Who its runs act as; absent: whoever starts a run (a schedule's: the plan's creator). Administrators only. */
    runAs: z.string().min(1).nullable().default(null),
    collectorTypes: z.array(z.enum(COLLECTOR_TYPES)).min(1).readonly(),
    credentialsRef: z.string().min(1).nullable().default(null),
    /** Which of a device's addresses its runs dial: `primary`, `oob`, `primary_then_oob` or `oob_then_primary`. */
    connectionTarget: z.enum(CONNECTION_TARGETS).default(DEFAULT_CONNECTION_TARGET),
    /** How its runs ask each device: `snmp` or `ssh` (the device's platform picks the commands and templates). */
    protocol: z.enum(COLLECTION_PROTOCOLS).default(DEFAULT_COLLECTION_PROTOCOL),
    filter: planDeviceFilterSchema.default({}),
    /** One schedule per plan; null (or a disabled plan): no schedule. */
    intervalMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
    detectOnly: z.boolean().default(true),
    deviceTimeoutSeconds: z.number().int().min(1).max(3600).default(DEFAULT_DEVICE_TIMEOUT_SECONDS),
    runTimeoutSeconds: z.number().int().min(10).max(MAX_PLAN_RUN_TIMEOUT_SECONDS).default(DEFAULT_PLAN_RUN_TIMEOUT_SECONDS),
    devicesAtOnce: z.number().int().min(1).max(256).default(DEFAULT_DEVICES_AT_ONCE),
    deviceRetry: deviceRetrySchema.default(DEFAULT_DEVICE_RETRY),
  })
  .strict();
export type CollectionPlanBody = z.infer<typeof collectionPlanBodySchema>;

/** `POST /api/collection-plans/{id}/runs`. */
export const planRunBodySchema = z
  .object({
    /** Collect again only the devices that ended with this outcome in an earlier run of the plan. */
    devicesFrom: z.object({ runId: z.string().min(1), outcome: z.literal('failed') }).strict().optional(),
  })
  .strict();
export type PlanRunBody = z.infer<typeof planRunBodySchema>;

/** A plan as the REST API answers it. */
export interface CollectionPlanView extends CollectionPlanBody {
  readonly id: string;
  readonly status: PlanStatus;
  /** The plan's last run, null before the first. */
  readonly lastRunId: string | null;
  /** The schedule that starts its runs every `intervalMinutes`; null when it has none. */
  readonly scheduleId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** `CollectionPlanView` as a contract, for the clients that check what the API answers (the CLI). */
export const collectionPlanViewSchema = z.object({
  ...collectionPlanBodySchema.shape,
  id: z.string(),
  status: z.enum(PLAN_STATUSES),
  lastRunId: z.string().nullable(),
  scheduleId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A device a plan run could not collect, with the stable code and the reason (e.g. `SNMP_TIMEOUT`). */
export interface FailedDevice {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

/**
 * A plan run's result (the run read model's `result`): what `devicesFrom: { runId, outcome: 'failed' }` reads to
 * collect only the devices that failed. Entry counts are by action, over every collected device.
 */
export interface CollectFactsResult {
  readonly reportId: string;
  readonly devices: number;
  readonly collected: number;
  readonly failed: number;
  readonly failedDevices: readonly FailedDevice[];
  readonly entries: { readonly new: number; readonly changed: number; readonly confirmed: number; readonly stale: number };
  /** Apply mode only: entries the run applied, and those the inventory refused (the report names them and why). */
  readonly applied?: number;
  readonly applyFailed?: number;
}
