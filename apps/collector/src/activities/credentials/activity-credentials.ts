import { Context } from '@temporalio/activity';
import type { OpenedCredentials } from '@yardmaster/contracts';
import type { CredentialVault } from '@yardmaster/inventory';

/** Opens one credential set by the name a device gives (`management.credentialsRef`). */
export type OpenCredentials = (credentialsRef: string) => Promise<OpenedCredentials>;

/** Asked to open credentials outside an activity: a programming error, never retried into success. */
export class CredentialsOutsideActivityError extends Error {
  readonly code = 'CREDENTIALS_OUTSIDE_ACTIVITY';

  constructor() {
    super('Credential sets are opened only inside an activity: pass the set name through the workflow, never its contents');
    this.name = 'CredentialsOutsideActivityError';
  }
}

/**
 * How collector activities get credentials: the vault's `open`, refused anywhere but inside a running activity.
 *
 * Why the check: whatever a workflow holds lands in its history, kept by Temporal and shown in its UI. A workflow
 * (a collection plan's included) carries credential set names; the activity that talks to the device opens the
 * set right before its session and drops it after. What `open` answers is never returned from the activity, never
 * logged, never put in an event or an error: a device error names the set, not its secrets.
 */
export function activityCredentials(vault: CredentialVault, inActivity: () => boolean = runningInActivity): OpenCredentials {
  return async (credentialsRef) => {
    if (!inActivity()) throw new CredentialsOutsideActivityError();
    return vault.open(credentialsRef);
  };
}

function runningInActivity(): boolean {
  try {
    Context.current();
    return true;
  } catch {
    return false;
  }
}
