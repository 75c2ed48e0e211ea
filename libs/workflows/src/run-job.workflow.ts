import { CancellationScope, CancelledFailure, defineSignal, isCancellation, proxyActivities, proxyLocalActivities, setHandler, sleep } from '@temporalio/workflow';
import { CANCEL_REQUESTED_SIGNAL, COLLECT_FACTS_JOB_ID, RUN_START_ABANDONED_ERROR_TYPE, slotCountOf, TEMPORAL_ACTOR, workflowIdForRun } from '@yardmaster/contracts/workflow';
import type { InventoryChange, CancelRequestedSignal, JsonValue, RunErrorInfo, RunOutcome, RunWorkflowInput } from '@yardmaster/contracts';
import { CONCURRENCY_RELEASE_PATCH, CONCURRENCY_WAIT_PATCH } from './concurrency/concurrency-patches';
import { markedPatches, v2Patches, type PatchGate } from './patch-gate';
import { handOverConcurrencySlot } from './concurrency/hand-over-slot';
import { waitForConcurrencySlot } from './concurrency/wait-for-slot';
import type { RunActivities, RunEventDraft } from './run-activities';
import { CancelRequests } from './cancel-requests';
import { runCollectionStep } from './collection/collect-facts-step';
import { endWorkflowWith } from './end-state';
import { RunEventDrafts } from './run-event-drafts';
import { RUN_STARTED_BY_FIRST_STEP_PATCH } from './run-started-patch';
import { markRunStatus } from './search-attributes';
import { createStepRunner } from './step-runner';
import { isStartAbandoned, startAbandonedFailure } from './start-abandoned';

const POST_RUN_STEP = 'post_run';

export const cancelRequested = defineSignal<[CancelRequestedSignal]>(CANCEL_REQUESTED_SIGNAL);

/** Why the steps before `post_run` stopped early. */
type Ending =
  | { readonly kind: 'error'; readonly error: RunErrorInfo }
  | { readonly kind: 'cancelled'; readonly step: string | null }
  | { readonly kind: 'timed_out'; readonly error: RunErrorInfo }
  // The first activity refused the run: the client was told it did not start (Temporal was unreachable).
  | { readonly kind: 'abandoned' };

/**
 * One run of a job: wait for a concurrency slot if the job limits runs (in the workflow, queued first come first
 * served, see `concurrency/`), `run.started`, each step as an
 * activity within the run's timeout, `post_run` whatever happened before it, and exactly one terminal event.
 * A cancelled run still runs `post_run`, then ends Canceled in Temporal too.
 *
 * Every run starts as this workflow type. Its code is `runJobWorkflow`'s with each change that one patched in taken
 * as given (see `patch-gate.ts`): a new run's history then carries no patch marker and no search attribute upsert
 * for them (16 history events for a one-step run instead of 22).
 */
export async function runJobWorkflowV2(input: RunWorkflowInput): Promise<RunOutcome> {
  return runWith(input, v2Patches);
}

/**
 * The workflow type of runs begun before `runJobWorkflowV2`: kept, unchanged in behaviour, so that such a run still
 * in flight during an upgrade replays its history (each change decided by its marker). No new run starts as it.
 */
export async function runJobWorkflow(input: RunWorkflowInput): Promise<RunOutcome> {
  return runWith(input, markedPatches);
}

function runWith(input: RunWorkflowInput, patches: PatchGate): Promise<RunOutcome> {
  const cancelRequests = new CancelRequests(patches);
  return cancelRequests.scope.run(() => runJob(input, cancelRequests, patches));
}

async function runJob(input: RunWorkflowInput, cancelRequests: CancelRequests, patches: PatchGate): Promise<RunOutcome> {
  const drafts = new RunEventDrafts(input);
  const { publishRunEvent, releaseConcurrencySlot } = proxyLocalActivities<RunActivities>({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '200ms', maximumInterval: '5s' },
  });
  // Publishing never stops for a cancellation: the run's history must be complete.
  const publish = (draft: RunEventDraft) => CancellationScope.nonCancellable(() => publishRunEvent(draft));

  // Set once the run holds a slot it gives back after its terminal event, waking the next run in line.
  let handOverAfterEnd: { readonly scope: string; readonly slot: number } | null = null;
  let cancelledBy: string = input.continuedWait?.cancelledBy ?? TEMPORAL_ACTOR;
  setHandler(cancelRequested, ({ by }) => {
    cancelledBy = by;
  });
  cancelRequests.whenAccepted((by) => {
    cancelledBy = by;
  });

  // The run's first event, wherever it is published, claims its start; a run its scheduler gave up on publishes nothing.
  const announced = (draft: RunEventDraft): Promise<boolean> =>
    publish(draft).then(
      () => true,
      (error: unknown) => {
        if (isStartAbandoned(error)) return false;
        throw error;
      },
    );

  if (input.startAt) {
    markRunStatus('queued');
    if (!(await announced(drafts.lifecycle('run.queued', { jobId: input.jobId, workflowId: workflowIdForRun(input.runId) })))) throw startAbandonedFailure(input.runId);
  }
  // Cancelled while it waited for its start time: it never started, so no step and no post_run.
  if (CancellationScope.current().consideredCancelled) return finish({ status: 'cancelled', result: null, cancelledBy, step: null });

  const concurrency = input.concurrency;
  let heldSlot = concurrency?.heldSlot ?? null;
  if (concurrency && heldSlot === null && patches(CONCURRENCY_WAIT_PATCH)) {
    const wait = await waitForConcurrencySlot(input, slotsOf(input), { sequence: () => drafts.lastSequence, cancelledBy: () => cancelledBy });
    if (wait.kind === 'cancelled') return finish({ status: 'cancelled', result: null, cancelledBy, step: null });
    heldSlot = wait.slot;
  } else if (concurrency && heldSlot === null) {
    // Runs that began waiting before the wait moved into the workflow: an activity waits, holding a worker slot.
    const { acquireConcurrencySlot } = proxyActivities<RunActivities>({
      summary: 'waiting for a concurrency slot',
      startToCloseTimeout: '7d',
      heartbeatTimeout: `${input.heartbeatTimeoutSeconds}s`,
      retry: { initialInterval: '1s', maximumInterval: '10s' },
    });
    try {
      heldSlot = await acquireConcurrencySlot({ scope: concurrency.scope, slots: slotsOf(input), runId: input.runId });
    } catch (error) {
      if (!isCancellation(error)) throw error;
      return finish({ status: 'cancelled', result: null, cancelledBy, step: null });
    }
  }

  markRunStatus('running');
  const started = drafts.lifecycle('run.started', { jobId: input.jobId, workflowId: workflowIdForRun(input.runId), attempt: 1 });
  const mainSteps = input.steps.filter((name) => name !== POST_RUN_STEP);
  // The first step's activity publishes run.started before its own events, so this workflow task ends without
  // waiting on a local activity. A run with no main step, or begun before the patch, publishes it here.
  let announce: RunEventDraft | undefined = mainSteps.length > 0 && patches(RUN_STARTED_BY_FIRST_STEP_PATCH) ? started : undefined;
  if (!announce && !(await announced(started))) return endAbandoned();

  const runStep = createStepRunner(input, patches);
  let runResult: JsonValue = null;
  let failureCount = 0;
  // A dry run's changes are rolled back at the end of each step; later steps replay them to see them.
  const dryRunChanges: InventoryChange[] = [];
  let runDataUnavailable = false;
  let timedOut = false;
  const progress = { currentStep: null as string | null };

  const runMainSteps = async (): Promise<Ending | null> => {
    for (const step of mainSteps) {
      progress.currentStep = step;
      if (step === 'run' && input.jobId === COLLECT_FACTS_JOB_ID) {
        // A plan run: its run step is a fan-out over the plan's devices (see collection/), not one job step.
        if (announce && !(await announced(announce))) return { kind: 'abandoned' };
        announce = undefined;
        const collection = await runCollectionStep(input, { drafts, publish });
        if (collection.kind === 'cancelled') {
          runResult = collection.result;
          return cancellationEnding(step);
        }
        if (collection.kind === 'error') return { kind: 'error', error: collection.error };
        failureCount += collection.outcome.failureCount;
        runResult = collection.outcome.result;
        continue;
      }
      const result = await runStep(step, runResult, dryRunChanges, announce);
      announce = undefined;
      if (result.kind === 'cancelled') return cancellationEnding(step);
      if (result.kind === 'error' && result.error.type === RUN_START_ABANDONED_ERROR_TYPE) return { kind: 'abandoned' };
      if (result.kind === 'error') return result.timedOut ? { kind: 'timed_out', error: result.error } : { kind: 'error', error: result.error };
      failureCount += result.outcome.failureCount;
      dryRunChanges.push(...(result.outcome.dryRunChanges ?? []));
      if (result.outcome.runDataUnavailable) {
        runDataUnavailable = true;
        break;
      }
      if (step === 'run') runResult = result.outcome.result;
    }
    progress.currentStep = null;
    return null;
  };

  const steps = new CancellationScope();
  const runTimer = new CancellationScope();
  const timer = runTimer.run(() => sleep(input.runTimeoutSeconds * 1000)).then(
    () => {
      timedOut = true;
      steps.cancel();
    },
    () => undefined,
  );
  let ending: Ending | null = await steps.run(runMainSteps).catch((error: unknown) => {
    if (!isCancellation(error)) throw error;
    return cancellationEnding(progress.currentStep);
  });
  if (ending?.kind === 'abandoned') {
    runTimer.cancel();
    await timer;
    return endAbandoned();
  }
  // A cancel the Update accepted wins, even over a step result that arrived after it; any other cancel is now too late.
  if (cancelRequests.promised && ending?.kind !== 'cancelled') ending = { kind: 'cancelled', step: progress.currentStep };
  cancelRequests.close();
  runTimer.cancel();
  await timer;

  if (ending?.kind === 'timed_out') {
    await publish(drafts.log('failure', ending.error.step ?? 'run', ending.error.message));
  }
  if (ending?.kind === 'cancelled') {
    const during = ending.step ? ` during step ${ending.step}` : '';
    await publish(drafts.log('warning', ending.step ?? 'run', `The run was cancelled by ${cancelledBy}${during}`));
  }

  // Without its data (a deleted object), post_run could not start either: its failure is already logged.
  if (input.steps.includes(POST_RUN_STEP) && !runDataUnavailable) {
    const postRun = await CancellationScope.nonCancellable(() => runStep(POST_RUN_STEP, runResult, dryRunChanges));
    if (postRun.kind === 'done') failureCount += postRun.outcome.failureCount;
    else if (postRun.kind === 'error' && ending === null) ending = { kind: 'error', error: postRun.error };
  }

  if (concurrency && heldSlot !== null && patches(CONCURRENCY_RELEASE_PATCH)) {
    handOverAfterEnd = { scope: concurrency.scope, slot: heldSlot };
  } else if (concurrency && heldSlot !== null) {
    const slot = heldSlot;
    await CancellationScope.nonCancellable(() => releaseConcurrencySlot({ scope: concurrency.scope, slot, runId: input.runId }));
  }

  return finish(outcomeOf(ending, runResult, failureCount, cancelledBy));

  /** A run refused before its first event: nothing published, no post_run; a slot it claimed goes to the next in line. */
  async function endAbandoned(): Promise<never> {
    cancelRequests.close();
    if (concurrency && heldSlot !== null) {
      if (patches(CONCURRENCY_RELEASE_PATCH)) await handOverConcurrencySlot(concurrency.scope, slotsOf(input), heldSlot, input.runId);
      else {
        const slot = heldSlot;
        await CancellationScope.nonCancellable(() => releaseConcurrencySlot({ scope: concurrency.scope, slot, runId: input.runId }));
      }
    }
    throw startAbandonedFailure(input.runId);
  }

  function cancellationEnding(step: string | null): Ending {
    if (!timedOut) return { kind: 'cancelled', step };
    const cutOff = step ? `; step ${step} was cut off` : '';
    return { kind: 'timed_out', error: { message: `The run timed out after ${input.runTimeoutSeconds} s${cutOff}`, type: 'RunTimeout', step } };
  }

  async function finish(outcome: RunOutcome): Promise<RunOutcome> {
    cancelRequests.close();
    await discardRunFilesOf(input);
    markRunStatus(outcome.status);
    await publish(drafts.lifecycle(`run.${outcome.status}`, terminalData(outcome)));
    if (handOverAfterEnd) await handOverConcurrencySlot(handOverAfterEnd.scope, slotsOf(input), handOverAfterEnd.slot, input.runId);
    // Rethrown so Temporal, and its Web UI, show the workflow as Canceled.
    if (outcome.status === 'cancelled') {
      await cancelRequests.untilTemporalCancels();
      throw new CancelledFailure(`Run cancelled by ${outcome.cancelledBy}`);
    }
    return endWorkflowWith(outcome, patches);
  }
}

/**
 * Uploads are kept only for the run, whatever its ending: deleted before the terminal event, so a client that
 * sees the run end finds its files gone. A run without files (or started before file variables) schedules nothing,
 * so its history replays unchanged.
 */
async function discardRunFilesOf(input: RunWorkflowInput): Promise<void> {
  const fileIds = input.fileIds ?? [];
  if (fileIds.length === 0) return;
  const { discardRunFiles } = proxyLocalActivities<RunActivities>({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '200ms', maximumInterval: '5s' },
  });
  await CancellationScope.nonCancellable(() => discardRunFiles({ runId: input.runId, fileIds }));
}

function slotsOf(input: RunWorkflowInput): number {
  return input.concurrency ? slotCountOf(input.concurrency.rule) : 1;
}

function outcomeOf(ending: Exclude<Ending, { kind: 'abandoned' }> | null, result: JsonValue, failureCount: number, cancelledBy: string): RunOutcome {
  switch (ending?.kind) {
    case 'cancelled':
      return { status: 'cancelled', result, cancelledBy, step: ending.step };
    case 'timed_out':
      return { status: 'timed_out', result, error: ending.error };
    case 'error':
      return { status: 'errored', result, error: ending.error };
    default:
      return failureCount > 0 ? { status: 'failed', result, failureCount } : { status: 'completed', result };
  }
}

function terminalData(outcome: RunOutcome): Record<string, JsonValue> {
  switch (outcome.status) {
    case 'completed':
      return { result: outcome.result };
    case 'failed':
      return { result: outcome.result, failureCount: outcome.failureCount };
    case 'errored':
    case 'timed_out':
      return { result: outcome.result, error: { ...outcome.error } };
    case 'cancelled':
      return { result: outcome.result, cancelledBy: outcome.cancelledBy, step: outcome.step };
  }
}
