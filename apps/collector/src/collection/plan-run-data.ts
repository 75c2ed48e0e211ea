import { collectFactsRunDataSchema, type CollectFactsRunData } from '@yardmaster/contracts';

/** The error type a plan run ends with when its data is not a plan snapshot (Temporal's failure type, never retried). */
export const INVALID_PLAN_RUN_DATA = 'InvalidPlanRunData';

/** A plan run whose data is not a `CollectFactsRunData`: the run cannot start collecting, and says why. */
export class InvalidPlanRunData extends Error {
  override readonly name = INVALID_PLAN_RUN_DATA;
}

/**
 * The run data of a `collection.CollectFacts` run, checked as the run starts: the API stores what the plan said,
 * but a run requested by hand (or a plan written by an older API) may carry anything a `json` variable accepts.
 */
export function parsePlanRunData(data: unknown): CollectFactsRunData {
  const parsed = collectFactsRunDataSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`);
  throw new InvalidPlanRunData(`The run data is not a collection plan snapshot: ${problems.join('; ')}`);
}
