import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FactsReportEntryRecord, FactsReportRecord, READ_MODELS } from '@yardmaster/read-models';
import type { Found, Page } from '../http/pagination';
import type { FactsEntryFilters, FactsReportFilters } from './facts-report-filters';

/** The facts report routes' reads, from the tables the projection builds (`facts_reports`, `facts_report_entries`). */
@Injectable()
export class FactsReportsQueries {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {}

  /** Reports matching every filter given, newest first. */
  async list(filters: FactsReportFilters, page: Page): Promise<Found<FactsReportRecord>> {
    const builder = this.dataSource.getRepository(FactsReportRecord).createQueryBuilder('report');
    if (filters.planId !== undefined) builder.andWhere('report.planId = :planId', { planId: filters.planId });
    if (filters.runId !== undefined) builder.andWhere('report.runId = :runId', { runId: filters.runId });
    if (filters.status !== undefined) builder.andWhere('report.status = :status', { status: filters.status });
    const [records, total] = await builder.orderBy('report.openedAt', 'DESC').addOrderBy('report.id', 'DESC').take(page.limit).skip(page.offset).getManyAndCount();
    return { records, total };
  }

  get(id: string): Promise<FactsReportRecord | null> {
    return this.dataSource.getRepository(FactsReportRecord).findOneBy({ id });
  }

  /** One report's entries matching every filter given, by device name, collector type and key. */
  async entries(reportId: string, filters: FactsEntryFilters, page: Page): Promise<Found<FactsReportEntryRecord>> {
    const builder = this.dataSource.getRepository(FactsReportEntryRecord).createQueryBuilder('entry').where('entry.reportId = :reportId', { reportId });
    for (const field of ['action', 'status', 'collectorType', 'deviceId'] as const) {
      if (filters[field] !== undefined) builder.andWhere(`entry.${field} = :${field}`, { [field]: filters[field] });
    }
    const [records, total] = await builder
      .orderBy('entry.deviceName')
      .addOrderBy('entry.collectorType')
      .addOrderBy('entry.key')
      .addOrderBy('entry.id')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { records, total };
  }

  /** The entries of the report with these ids, whatever their status (those that exist); one array parameter, however many. */
  entriesById(reportId: string, ids: readonly string[]): Promise<FactsReportEntryRecord[]> {
    return this.dataSource.getRepository(FactsReportEntryRecord).createQueryBuilder('entry').where('entry.reportId = :reportId AND entry.id = ANY(:ids)', { reportId, ids: [...ids] }).getMany();
  }

  /** Every pending entry of the report, in the report's order. */
  pendingEntries(reportId: string): Promise<FactsReportEntryRecord[]> {
    return this.dataSource
      .getRepository(FactsReportEntryRecord)
      .createQueryBuilder('entry')
      .where(`entry.reportId = :reportId AND entry.status = 'pending'`, { reportId })
      .orderBy('entry.deviceName')
      .addOrderBy('entry.collectorType')
      .addOrderBy('entry.key')
      .addOrderBy('entry.id')
      .getMany();
  }

  /** How many of these entries the read model still shows pending. */
  async stillPending(reportId: string, ids: readonly string[]): Promise<number> {
    const rows: Array<{ pending: string }> = await this.dataSource.query(
      `SELECT count(*) AS pending FROM facts_report_entries WHERE report_id = $1 AND id = ANY($2::text[]) AND status = 'pending'`,
      [reportId, ids],
    );
    return Number(rows[0]?.pending ?? 0);
  }

  /**
   * Runs `work` holding the report's advisory lock (across API processes: one database), so that two requests
   * resolving one report take turns, and the second reads what the first resolved.
   */
  async withReportLock<T>(reportId: string, work: () => Promise<T>): Promise<T> {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await queryRunner.query(`SELECT pg_advisory_lock(hashtextextended('facts-report:' || $1, 0))`, [reportId]);
      try {
        return await work();
      } finally {
        await queryRunner.query(`SELECT pg_advisory_unlock(hashtextextended('facts-report:' || $1, 0))`, [reportId]);
      }
    } finally {
      await queryRunner.release();
    }
  }
}
