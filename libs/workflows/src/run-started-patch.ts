/**
 * Runs with this marker leave `run.started` to their first step's activity (`ExecuteStepInput.announce`) rather
 * than a local activity of the first workflow task: one hop through the collector fewer before the step starts.
 */
export const RUN_STARTED_BY_FIRST_STEP_PATCH = 'run-started-published-by-the-first-step';
