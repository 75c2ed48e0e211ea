/** Cancels decided by the Update, and the TRY_CANCEL of a cancelled step, exist only in histories that carry this marker. */
export const CANCEL_WINS_PATCH = 'cancel-wins-over-step-result';
