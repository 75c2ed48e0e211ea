export { applyFactsEntries, type ApplyFactsEntriesOptions, type FactsEntryOutcome } from './apply-facts-entries';
export { entriesResolvedEvents, FACTS_OUTCOMES_PER_EVENT, type EntriesResolution } from './entries-resolved-events';
export { applyOrder } from './facts-entry-order';
