import type { RunErrorInfo, StepOutcome } from '@yardmaster/contracts';

/** How one job step ended, as the run workflow goes on from it: whichever way its attempts were counted. */
export type StepResult =
  | { readonly kind: 'done'; readonly outcome: StepOutcome }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly error: RunErrorInfo; readonly timedOut: boolean };
