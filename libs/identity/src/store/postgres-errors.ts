import { ErrorCode, YardError } from '@yardmaster/contracts';

/** Postgres's unique_violation becomes a conflict the caller can act on; anything else goes on as it was. */
export async function conflictOnDuplicate<T>(action: () => Promise<T>, message: string): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if ((error as { driverError?: { code?: string }; code?: string }).driverError?.code === '23505' || (error as { code?: string }).code === '23505') {
      throw new YardError(ErrorCode.IdentityConflict, message);
    }
    throw error;
  }
}
