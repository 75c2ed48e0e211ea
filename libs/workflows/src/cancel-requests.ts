import { ApplicationFailure, CancellationScope, condition, defineUpdate, setHandler } from '@temporalio/workflow';
import { REQUEST_CANCEL_UPDATE, RUN_ALREADY_FINISHING_FAILURE_TYPE } from '@yardmaster/contracts/workflow';
import type { CancelAccepted, CancelRequestedSignal } from '@yardmaster/contracts';
import { CANCEL_WINS_PATCH } from './cancel-wins-patch';
import type { PatchGate } from './patch-gate';

export const requestCancel = defineUpdate<CancelAccepted, [CancelRequestedSignal]>(REQUEST_CANCEL_UPDATE);

/**
 * A run cancelled through the Update still wants Temporal's own cancel request (the scheduler sends it right after
 * the Update), so that its workflow ends Canceled; if none comes within this time, it ends Failed with a CancelledFailure.
 */
const TEMPORAL_CANCEL_WAIT = '1 minute';

/**
 * Cancels confirmed before they act: an accepted `requestCancel` promises that the run ends `cancelled`, whatever
 * its current step reports afterwards; once the run has decided another ending, the Update is refused
 * (RUN_ALREADY_FINISHING), so no caller is told "cancelled" about a run that then completes.
 * The run's work runs inside `scope`: Temporal's cancel reaches it through the workflow's root scope, an accepted
 * Update by cancelling the scope directly.
 */
export class CancelRequests {
  readonly scope: CancellationScope;
  private readonly root = CancellationScope.current();
  private readonly enabled: boolean;
  private acceptedBy: string | null = null;
  private closed = false;
  private onAccepted: (by: string) => void = () => undefined;

  constructor(patches: PatchGate) {
    this.scope = new CancellationScope();
    this.enabled = patches(CANCEL_WINS_PATCH);
    // Without the marker (a run started by older code), the Update stays unknown and the scheduler falls back to a plain cancel.
    if (!this.enabled) return;
    setHandler(requestCancel, ({ by }) => this.accept(by), { validator: (_request: CancelRequestedSignal) => this.refuseWhenFinishing() });
  }

  /** Called with who cancelled once an Update is accepted. */
  whenAccepted(listener: (by: string) => void): void {
    this.onAccepted = listener;
  }

  /** True when an accepted Update has promised the caller a cancelled run. */
  get promised(): boolean {
    return this.acceptedBy !== null;
  }

  /** The run's ending is decided: from now on a cancel is too late. */
  close(): void {
    this.closed = true;
  }

  /** Before a cancelled run's workflow ends: wait for Temporal's cancel if only the Update cancelled it. */
  async untilTemporalCancels(): Promise<void> {
    if (!this.promised || this.root.consideredCancelled) return;
    await CancellationScope.nonCancellable(() => condition(() => this.root.consideredCancelled, TEMPORAL_CANCEL_WAIT));
  }

  private refuseWhenFinishing(): void {
    if (this.closed && !this.promised) {
      throw ApplicationFailure.create({ type: RUN_ALREADY_FINISHING_FAILURE_TYPE, message: 'The run has already decided how it ends and is finishing', nonRetryable: true });
    }
  }

  private accept(by: string): CancelAccepted {
    if (this.acceptedBy === null) {
      this.acceptedBy = by;
      this.onAccepted(by);
      this.scope.cancel();
    }
    return { cancelledBy: this.acceptedBy };
  }
}
