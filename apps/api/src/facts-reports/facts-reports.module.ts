import { Module } from '@nestjs/common';
import { FactsReportsQueries } from './facts-reports.queries';
import { ReadFactsReportsHttpController } from './read-facts-reports/read-facts-reports.http.controller';
import { FactsEntriesResolver } from './resolve-facts-entries/facts-entries-resolver';
import { ResolveFactsEntriesHttpController } from './resolve-facts-entries/resolve-facts-entries.http.controller';

/**
 * Facts reports over REST (`/api/facts-reports`): read from the tables the projection builds, and their entries
 * applied to the inventory (`InventoryStore`, from `@yardmaster/inventory`'s module) or skipped.
 */
@Module({
  controllers: [ReadFactsReportsHttpController, ResolveFactsEntriesHttpController],
  providers: [FactsReportsQueries, FactsEntriesResolver],
})
export class FactsReportsModule {}
