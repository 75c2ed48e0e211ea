/** Failed, errored and timed-out runs fail their workflow only in histories with this marker. */
export const RUN_END_STATE_PATCH = 'run-end-state-fails-workflow';
