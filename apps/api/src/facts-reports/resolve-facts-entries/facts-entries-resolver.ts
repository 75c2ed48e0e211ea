import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, factsEventKind, subjectsFor, YardError, type FactsResolution, type FactsResolveResult, type FieldError } from '@yardmaster/contracts';
import type { ChangeContext } from '@yardmaster/identity';
import { applyFactsEntries, entriesResolvedEvents, InventoryStore, type FactsEntryOutcome } from '@yardmaster/inventory';
import { errorLogFields, EventPublisher } from '@yardmaster/messaging';
import type { FactsReportEntryRecord, FactsReportRecord } from '@yardmaster/read-models';
import { API_CONFIG } from '../../api-config.token';
import type { ApiConfig } from '../../config';
import { publishRetrying } from '../../events/publish-retrying';
import { factsEntryOf } from '../facts-report.views';
import { FactsReportsQueries } from '../facts-reports.queries';

/** How long an answer waits for the projection to show the outcome, so that the next read sees it. */
const PROJECTION_WAIT_MS = 10_000;
/** At most this many refused entries are named one by one in a 409. */
const NAMED_REFUSALS = 20;

/**
 * Applies or skips a report's pending entries (the ones named, or all) for a person: reads them from the read
 * model, applies them to the inventory in one transaction with a savepoint per entry (or skips them), publishes
 * `facts.entries_resolved` before the inventory commits, and answers each entry's outcome once the projection
 * shows it. A request naming an entry that is not pending (or not in the report) is refused whole.
 */
@Injectable()
export class FactsEntriesResolver {
  private readonly logger = new Logger('FactsReports');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly queries: FactsReportsQueries,
    private readonly inventory: InventoryStore,
    private readonly publisher: EventPublisher,
  ) {}

  resolve(reportId: string, entryIds: readonly string[] | null, resolution: FactsResolution, change: ChangeContext): Promise<FactsResolveResult> {
    return this.queries.withReportLock(reportId, async () => {
      const report = await this.queries.get(reportId);
      if (!report) throw new YardError(ErrorCode.FactsReportNotFound, `No facts report has the id ${JSON.stringify(reportId)}`, undefined, { reportId });
      refuseWhileItsRunApplies(report);
      const entries = entryIds === null ? await this.queries.pendingEntries(reportId) : await this.pendingNamed(reportId, entryIds);
      const resolvedAt = new Date().toISOString();
      const publish = (outcomes: readonly FactsEntryOutcome[]) => this.publish(reportId, outcomes, resolvedAt, change);
      const outcomes =
        resolution === 'apply'
          ? await applyFactsEntries(this.inventory, entries.map(factsEntryOf), { beforeCommit: publish })
          : await skipped(entries, publish);
      await this.untilProjected(reportId, outcomes);
      return {
        reportId,
        resolution,
        resolvedBy: change.actor,
        resolvedAt,
        applied: outcomes.filter((outcome) => outcome.status === 'applied').length,
        skipped: outcomes.filter((outcome) => outcome.status === 'skipped').length,
        failed: outcomes.filter((outcome) => outcome.status === 'failed').length,
        entries: outcomes,
      };
    });
  }

  /** The entries named, in the order named (each once); 409 naming those not in the report or no longer pending. */
  private async pendingNamed(reportId: string, entryIds: readonly string[]): Promise<FactsReportEntryRecord[]> {
    const unique = [...new Set(entryIds)];
    const found = new Map((await this.queries.entriesById(reportId, unique)).map((entry) => [entry.id, entry]));
    const refused: FieldError[] = [];
    unique.forEach((id) => {
      const entry = found.get(id);
      if (entry?.status === 'pending') return;
      refused.push({ field: `entries[${entryIds.indexOf(id)}]`, message: entry ? `is ${entry.status} already` : 'is not an entry of this report' });
    });
    if (refused.length > 0) {
      throw new YardError(
        ErrorCode.FactsEntryNotPending,
        `${refused.length} of the entries named ${refused.length === 1 ? 'is' : 'are'} not pending in facts report ${reportId}: nothing was applied or skipped`,
        refused.slice(0, NAMED_REFUSALS),
        { reportId, notPending: refused.length },
      );
    }
    return unique.map((id) => found.get(id) as FactsReportEntryRecord);
  }

  /** Published before the inventory commits: when NATS refuses, the request fails and nothing is applied. */
  private async publish(reportId: string, outcomes: readonly FactsEntryOutcome[], resolvedAt: string, change: ChangeContext): Promise<void> {
    const subject = subjectsFor(this.config.shared.instance).factsEvent(reportId, factsEventKind('facts.entries_resolved'));
    for (const event of entriesResolvedEvents({ reportId, outcomes, resolvedBy: change.actor, resolvedAt, correlationId: change.correlationId })) {
      try {
        await publishRetrying(this.publisher, subject, event);
      } catch (error) {
        this.logger.error({ reportId, eventId: event.id, ...errorLogFields(error) }, 'Facts entries not resolved: their event could not be published');
        throw new YardError(ErrorCode.ServiceUnavailable, 'NATS did not take the event that records the outcome: nothing was applied or skipped', undefined, { applied: false });
      }
    }
  }

  /** Waits (a while) for the projection to show the outcomes, so that reading the report next shows them too. */
  private async untilProjected(reportId: string, outcomes: readonly FactsEntryOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const ids = outcomes.map((outcome) => outcome.id);
    const deadline = Date.now() + PROJECTION_WAIT_MS;
    while ((await this.queries.stillPending(reportId, ids)) > 0) {
      if (Date.now() > deadline) {
        this.logger.warn({ reportId, entries: ids.length }, 'The projection has not shown the resolved entries yet; answering without waiting longer');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A report in apply mode is applied by its run when it ends: until it is closed, its entries are the run's. */
function refuseWhileItsRunApplies(report: FactsReportRecord): void {
  if (report.detectOnly || report.closedAt !== null) return;
  throw new YardError(
    ErrorCode.FactsEntryNotPending,
    `Facts report ${report.id} is in apply mode and still collecting: its run applies the entries when it ends`,
    undefined,
    { reportId: report.id },
  );
}

async function skipped(entries: readonly FactsReportEntryRecord[], publish: (outcomes: readonly FactsEntryOutcome[]) => Promise<void>): Promise<FactsEntryOutcome[]> {
  const outcomes: FactsEntryOutcome[] = entries.map((entry) => ({ id: entry.id, status: 'skipped', error: null, objectId: null }));
  if (outcomes.length > 0) await publish(outcomes);
  return outcomes;
}
