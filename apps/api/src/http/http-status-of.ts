import { ErrorCode } from '@yardmaster/contracts';

/**
 * Every error code's HTTP status, a line per status. A `Record` over the codes: a code added without a status here
 * does not compile.
 */
const STATUS_OF_CODE: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.ValidationFailed]: 400, [ErrorCode.MalformedRequest]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.JobNotFound]: 404, [ErrorCode.RunNotFound]: 404, [ErrorCode.ScheduleNotFound]: 404, [ErrorCode.RouteNotFound]: 404, [ErrorCode.InventoryObjectNotFound]: 404, [ErrorCode.UserNotFound]: 404, [ErrorCode.GroupNotFound]: 404, [ErrorCode.TokenNotFound]: 404, [ErrorCode.ParkedEventNotFound]: 404, [ErrorCode.CredentialSetNotFound]: 404, [ErrorCode.CollectionPlanNotFound]: 404, [ErrorCode.FactsReportNotFound]: 404,
  [ErrorCode.JobNotInstalled]: 409, [ErrorCode.IdentityConflict]: 409, [ErrorCode.JobDisabled]: 409, [ErrorCode.RunAlreadyFinished]: 409, [ErrorCode.ConcurrencyConflict]: 409, [ErrorCode.InventoryConflict]: 409, [ErrorCode.InventoryObjectInUse]: 409, [ErrorCode.ReadOnlyJob]: 409, [ErrorCode.SensitiveJobNotSchedulable]: 409, [ErrorCode.IdempotencyKeyInUse]: 409, [ErrorCode.RunAlreadyFinishing]: 409, [ErrorCode.CredentialSetConflict]: 409, [ErrorCode.CredentialSetInUse]: 409, [ErrorCode.CollectionPlanConflict]: 409, [ErrorCode.CollectionPlanDisabled]: 409, [ErrorCode.NoDevicesToRerun]: 409, [ErrorCode.FactsEntryNotPending]: 409, [ErrorCode.RebuildInProgress]: 409, [ErrorCode.RebuildWouldLoseRows]: 409,
  [ErrorCode.FileTooLarge]: 413, [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.ReplayFailed]: 422, [ErrorCode.IdempotencyKeyReused]: 422,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Internal]: 500,
};

/** The one place an error code becomes an HTTP status. */
export function httpStatusOf(code: ErrorCode): number {
  return STATUS_OF_CODE[code];
}
