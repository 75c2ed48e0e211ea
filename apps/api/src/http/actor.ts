/** Until users and tokens arrive, every request acts as this user. */
export const ANONYMOUS_ACTOR = 'anonymous';
