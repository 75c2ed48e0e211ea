/** The built-in job whose runs are plan runs (a module of its own: the workflow code needs it, and no schema). */
export const COLLECT_FACTS_JOB_ID = 'collection.CollectFacts';
