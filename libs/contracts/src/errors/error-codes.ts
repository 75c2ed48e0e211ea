/** Stable error codes. Each boundary translates them (e.g. to an HTTP status) but never renames them. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  /** No token, or one that is unknown, revoked or expired, or whose user is deactivated. */
  Unauthenticated: 'UNAUTHENTICATED',
  /** A valid token that lacks the permission (or is read-only and the request writes). */
  Forbidden: 'FORBIDDEN',
  /** A user or group that does not exist (or a token that is not the user's). */
  UserNotFound: 'USER_NOT_FOUND',
  GroupNotFound: 'GROUP_NOT_FOUND',
  TokenNotFound: 'TOKEN_NOT_FOUND',
  /** A username or group name already taken. */
  IdentityConflict: 'IDENTITY_CONFLICT',
  MalformedRequest: 'MALFORMED_REQUEST',
  JobNotFound: 'JOB_NOT_FOUND',
  JobNotInstalled: 'JOB_NOT_INSTALLED',
  JobDisabled: 'JOB_DISABLED',
  RunNotFound: 'RUN_NOT_FOUND',
  ScheduleNotFound: 'SCHEDULE_NOT_FOUND',
  InventoryObjectNotFound: 'INVENTORY_OBJECT_NOT_FOUND',
  InventoryConflict: 'INVENTORY_CONFLICT',
  InventoryObjectInUse: 'INVENTORY_OBJECT_IN_USE',
  CredentialSetNotFound: 'CREDENTIAL_SET_NOT_FOUND',
  /** A credential set's name is taken (names are unique regardless of case). */
  CredentialSetConflict: 'CREDENTIAL_SET_CONFLICT',
  /** Deleting or renaming a credential set that devices (`management.credentialsRef`) or collection plans still name. */
  CredentialSetInUse: 'CREDENTIAL_SET_IN_USE',
  /** No collection plan has that id. */
  CollectionPlanNotFound: 'COLLECTION_PLAN_NOT_FOUND',
  /** A collection plan's name is taken (names are unique regardless of case). */
  CollectionPlanConflict: 'COLLECTION_PLAN_CONFLICT',
  /** A run asked of a disabled collection plan: enable it first. */
  CollectionPlanDisabled: 'COLLECTION_PLAN_DISABLED',
  /** `devicesFrom` named a run of the plan that left no device to collect again (none failed). */
  NoDevicesToRerun: 'NO_DEVICES_TO_RERUN',
  /** No facts report has that id (a report's id is its plan run's id). */
  FactsReportNotFound: 'FACTS_REPORT_NOT_FOUND',
  /** An apply or skip named an entry that is not in the report, or one already applied or skipped. */
  FactsEntryNotPending: 'FACTS_ENTRY_NOT_PENDING',
  ReadOnlyJob: 'READ_ONLY_JOB',
  SensitiveJobNotSchedulable: 'SENSITIVE_JOB_NOT_SCHEDULABLE',
  FileTooLarge: 'FILE_TOO_LARGE',
  /** A request body larger than the API reads (10 MiB of JSON, counted after decompression). */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  RunAlreadyFinished: 'RUN_ALREADY_FINISHED',
  ConcurrencyConflict: 'CONCURRENCY_CONFLICT',
  RouteNotFound: 'ROUTE_NOT_FOUND',
  /** Too many failed authentications from one client address: wait `Retry-After` seconds. */
  TooManyRequests: 'TOO_MANY_REQUESTS',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL',
  /** No parked event has that id (it was replayed already, or never parked). */
  ParkedEventNotFound: 'PARKED_EVENT_NOT_FOUND',
  /** A parked event still cannot be applied: it stays parked. */
  ReplayFailed: 'REPLAY_FAILED',
  /** The same Idempotency-Key again with a different request body. */
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  /** The same Idempotency-Key again while its first request is still being answered. */
  IdempotencyKeyInUse: 'IDEMPOTENCY_KEY_IN_USE',
  /** A cancel that came too late: the run has already decided how it ends and is finishing (post_run, its terminal event). */
  RunAlreadyFinishing: 'RUN_ALREADY_FINISHING',
  /** Another rebuild of the read models is running: one at a time. */
  RebuildInProgress: 'REBUILD_IN_PROGRESS',
  /** A swap would drop live rows the rebuild could not restore (the streams no longer hold their events): say acceptLoss to swap anyway. */
  RebuildWouldLoseRows: 'REBUILD_WOULD_LOSE_ROWS',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with one field of a request, e.g. `{ field: 'data.count', message: 'must be at least 1' }`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** The shape of every error that crosses a boundary: NATS replies and HTTP bodies alike. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fieldErrors?: readonly FieldError[];
  /** Facts a client can act on, e.g. `{ blockingRunId }` for a concurrency conflict. */
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
  readonly correlationId?: string;
}

/** A typed error carrying a stable code. Thrown inside a service, translated at its edge. */
export class YardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: readonly FieldError[],
    readonly details?: ErrorBody['details'],
  ) {
    super(message);
    this.name = 'YardError';
  }

  toBody(correlationId?: string): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      ...(this.details ? { details: this.details } : {}),
      ...(correlationId ? { correlationId } : {}),
    };
  }
}
