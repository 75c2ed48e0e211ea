import { patched } from '@temporalio/workflow';
import { CANCEL_WINS_PATCH } from './cancel-wins-patch';
import { CONCURRENCY_RELEASE_PATCH, CONCURRENCY_WAIT_PATCH } from './concurrency/concurrency-patches';
import { RUN_END_STATE_PATCH } from './end-state-patch';
import { RUN_STARTED_BY_FIRST_STEP_PATCH } from './run-started-patch';
import { STEP_ATTEMPTS_PATCH } from './step-attempts/step-attempts-patch';

/**
 * How run workflow code asks whether a change applies to the run at hand. Temporal's `patched()` answers from a
 * marker in the run's history, recording the marker (and, since SDK 1.11, an upsert of the `TemporalChangeVersion`
 * search attribute) the first time a new run asks: three markers and three upserts in every run's first workflow
 * task, each a history event and a visibility write on the Temporal server.
 */
export type PatchGate = (patchId: string) => boolean;

/**
 * Every change `runJobWorkflow` ever patched in. `runJobWorkflowV2` runs them all as plain code from its first
 * run, so it asks Temporal only about changes made after it.
 */
const PATCHES_OF_V1: ReadonlySet<string> = new Set([
  CANCEL_WINS_PATCH,
  STEP_ATTEMPTS_PATCH,
  RUN_STARTED_BY_FIRST_STEP_PATCH,
  CONCURRENCY_WAIT_PATCH,
  CONCURRENCY_RELEASE_PATCH,
  RUN_END_STATE_PATCH,
]);

/** `runJobWorkflow`, kept for the runs it began before V2: each change decided by its marker, as before. */
export const markedPatches: PatchGate = (patchId) => patched(patchId);

/** `runJobWorkflowV2`: V1's changes are its code; a change made later is patched as usual. */
export const v2Patches: PatchGate = (patchId) => PATCHES_OF_V1.has(patchId) || patched(patchId);
