import { ErrorCode, YardError } from '@yardmaster/contracts';

/** `installed=true` or `installed=false` of a catalog query; anything else is refused rather than read as false. */
export function readInstalledFilter(raw: unknown): boolean | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', [{ field: 'installed', message: 'must be true or false' }]);
}
