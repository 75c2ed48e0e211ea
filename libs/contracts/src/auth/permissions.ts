import { z } from 'zod';
import { readonlyArray } from '../schemas/json-schemas';

/**
 * What a user may be allowed to do. Named here, in the contracts, so that the API, the CLI and (later) the job
 * SDK's `context.require` speak of the same permissions. An administrator (the user's admin flag) has them all.
 */
export const PERMISSIONS = [
  'jobs.view',
  'jobs.run',
  'runs.view_own',
  'runs.view_any',
  'runs.cancel_own',
  'runs.cancel_any',
  'schedules.manage',
  'inventory.view',
  'inventory.manage',
  'credentials.manage',
  'plans.manage',
  'catalog.manage',
  'users.admin',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_DESCRIPTIONS: Readonly<Record<Permission, string>> = {
  'jobs.view': 'see the job catalog',
  'jobs.run': 'run jobs (all, or those matched by job id or grouping); implies seeing, following and cancelling the runs one requested',
  'runs.view_own': 'see, follow and read the logs of the runs one requested',
  'runs.view_any': "see every run, and follow every run's events (GET /api/events)",
  'runs.cancel_own': 'cancel the runs one requested',
  'runs.cancel_any': 'cancel any run',
  'schedules.manage': 'create, change, pause, resume, trigger and delete schedules',
  'inventory.view': 'see the inventory',
  'inventory.manage': 'change the inventory',
  'credentials.manage': 'create, change and delete credential sets (their secrets are written, never read back)',
  'plans.manage': 'create, change and delete collection plans (and with them their schedules)',
  'catalog.manage': "override jobs (or disable them) and reload the collectors' job modules",
  'users.admin': 'manage users, groups, their permissions and their tokens',
};

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/** Which jobs a `jobs.run` grant covers: absent (null) is every job; otherwise a job matching any id or grouping. */
export const jobScopeSchema = z.object({ jobIds: readonlyArray(z.string()).optional(), groupings: readonlyArray(z.string()).optional() });
export type JobScope = z.infer<typeof jobScopeSchema>;

/** One permission given to a user, directly or through a group. Only `jobs.run` takes a scope. */
export const permissionGrantSchema = z.object({ permission: z.enum(PERMISSIONS), scope: jobScopeSchema.nullish() });
export type PermissionGrant = z.infer<typeof permissionGrantSchema>;

/** Who is asking, as authenticated from their token. */
export interface Principal {
  readonly username: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  /** The token used is read-only: it may only read, whatever the user may do. */
  readonly readOnly: boolean;
  /** The user's own grants and those of their groups. */
  readonly grants: readonly PermissionGrant[];
}

/**
 * Who a run acts as, as job code and the scheduler see it: the user's name and what they may do, without a
 * token or anything else secret. It travels in commands and in the run's workflow input.
 */
export const actingPrincipalSchema = z.object({ username: z.string().min(1), isAdmin: z.boolean(), grants: readonlyArray(permissionGrantSchema) });
export type ActingPrincipal = z.infer<typeof actingPrincipalSchema>;

/** The job a permission is asked about; its grouping is the one it runs under (overrides applied). */
export interface JobResource {
  readonly kind: 'job';
  readonly jobId: string;
  readonly grouping: string;
}

/** The run a permission is asked about: who requested it, and who it acts as (both own it). */
export interface RunResource {
  readonly kind: 'run';
  readonly requestedBy: string | null;
  /** Absent or null for runs from before `run_as`, and for runs acting as their requester. */
  readonly runAs?: string | null;
}

/** A run's owners: whoever requested it and whoever it acts as. */
export type RunOwners = Omit<RunResource, 'kind'>;

export type PermissionResource = JobResource | RunResource;
