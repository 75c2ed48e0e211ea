import { ErrorCode } from '@yardmaster/contracts';

/** The one place an error code becomes an HTTP status. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.MalformedRequest:
      return 400;
    case ErrorCode.Unauthenticated:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.JobNotFound:
    case ErrorCode.RunNotFound:
    case ErrorCode.ScheduleNotFound:
    case ErrorCode.RouteNotFound:
    case ErrorCode.InventoryObjectNotFound:
    case ErrorCode.UserNotFound:
    case ErrorCode.GroupNotFound:
    case ErrorCode.TokenNotFound:
    case ErrorCode.ParkedEventNotFound:
      return 404;
    case ErrorCode.JobNotInstalled:
    case ErrorCode.IdentityConflict:
    case ErrorCode.JobDisabled:
    case ErrorCode.RunAlreadyFinished:
    case ErrorCode.ConcurrencyConflict:
    case ErrorCode.InventoryConflict:
    case ErrorCode.InventoryObjectInUse:
    case ErrorCode.ReadOnlyJob:
    case ErrorCode.SensitiveJobNotSchedulable:
    case ErrorCode.IdempotencyKeyInUse:
    case ErrorCode.RunAlreadyFinishing:
      return 409;
    case ErrorCode.FileTooLarge:
    case ErrorCode.PayloadTooLarge:
      return 413;
    case ErrorCode.ReplayFailed:
    case ErrorCode.IdempotencyKeyReused:
      return 422;
    case ErrorCode.TooManyRequests:
      return 429;
    case ErrorCode.ServiceUnavailable:
      return 503;
    case ErrorCode.Internal:
      return 500;
  }
}
