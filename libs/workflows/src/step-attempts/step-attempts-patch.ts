/** The workflow runs each attempt of a step as its own activity, counting job failures and worker losses apart. */
export const STEP_ATTEMPTS_PATCH = 'step-attempts-counted-by-the-workflow';
