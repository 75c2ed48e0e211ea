import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { INFRASTRUCTURE_FAULT_ERROR_TYPE, JOB_CODE_ERROR_TYPE } from '@yardmaster/contracts/workflow';
import type { JsonValue, StepOutcome } from '@yardmaster/contracts';
import type { ExecuteStepInput, RunActivities, RunEventDraft } from '../../index';
import { SlotQueue } from './slot-queue';

export type StepBehaviour = (input: ExecuteStepInput) => Promise<StepOutcome>;

/**
 * The run workflow's activities as a shape needs them: each step behaves as `steps` says (by default it succeeds),
 * events are kept in memory, and the concurrency queue is a `SlotQueue`. Only the workflow's history matters to a
 * recording, so nothing here touches NATS, Postgres or job code.
 */
export function stubRunActivities(steps: Record<string, StepBehaviour> = {}, slots = new SlotQueue()): RunActivities & { readonly published: RunEventDraft[] } {
  const published: RunEventDraft[] = [];
  return {
    published,
    async publishRunEvent(draft) {
      published.push(draft);
    },
    async executeJobStep(input) {
      // As the collector's step does: the run.started it carries goes out first, stored once per id.
      const { announce } = input;
      if (announce && !published.some(({ id }) => id === announce.id)) published.push(announce);
      return (steps[input.step] ?? succeed(null))(input);
    },
    acquireConcurrencySlot: async () => notCalledByTodaysCode('acquireConcurrencySlot'),
    releaseConcurrencySlot: async () => notCalledByTodaysCode('releaseConcurrencySlot'),
    claimConcurrencySlotOrQueue: (claim) => slots.claim(claim),
    handOverConcurrencySlot: (handOver) => slots.handOver(handOver),
    async discardRunFiles() {},
  };
}

/** Only histories from before the wait moved into the workflow call these: a recording of today's code never does. */
function notCalledByTodaysCode(activity: string): never {
  throw ApplicationFailure.nonRetryable(`${activity} is not called by the current workflow code`);
}

export const succeed =
  (result: JsonValue): StepBehaviour =>
  async () => ({ result, failureCount: 0 });

export const reportFailures =
  (failureCount: number): StepBehaviour =>
  async () => ({ result: null, failureCount });

/** An exception from job code: the run errors, the step is not retried. */
export const throwFromJobCode =
  (message: string): StepBehaviour =>
  async () => {
    throw ApplicationFailure.nonRetryable(message, JOB_CODE_ERROR_TYPE);
  };

/** The first attempt meets an `InfrastructureFault` (retried by the job's policy); the next succeeds. */
export const infrastructureFaultOnce =
  (message: string): StepBehaviour =>
  async (input) => {
    if (input.attempt === 1) throw ApplicationFailure.retryable(message, INFRASTRUCTURE_FAULT_ERROR_TYPE);
    return { result: null, failureCount: 0 };
  };

/** The first attempt stops heartbeating for longer than the heartbeat timeout, as a collector that died; the next succeeds. */
export const loseWorkerOnce =
  (silentMs: number): StepBehaviour =>
  async (input) => {
    if (input.attempt === 1) await new Promise((resolve) => setTimeout(resolve, silentMs));
    return { result: null, failureCount: 0 };
  };

/** Heartbeats until cancelled (the run's timeout, or a cancel), as a long step does; `started` is called once it runs. */
export const runUntilCancelled =
  (started: () => void = () => undefined): StepBehaviour =>
  async () => {
    started();
    const context = Context.current();
    for (;;) {
      context.heartbeat();
      // Rejects with the cancellation once a heartbeat brings it back.
      await context.sleep(100);
    }
  };
