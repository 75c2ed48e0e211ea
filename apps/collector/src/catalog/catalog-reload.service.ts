import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import { ErrorCode, subjectsFor, type CommandMeta, type CommandReply } from '@yardmaster/contracts';
import { decodeJson, encodeJson, errorLogFields, logContextOf, NATS_CONNECTION, withLogContext } from '@yardmaster/messaging';
import { COLLECTOR_CONFIG } from '../collector-config.token';
import type { CollectorConfig } from '../config';
import { CatalogAnnouncerService } from './catalog-announcer.service';
import { CatalogService } from './catalog.service';
import type { FailedJobModule } from './user-job-modules';

/** What one collector answers to `<instance>.cmd.catalog.reload`. */
export interface CatalogReloaded {
  readonly collectorId: string;
  /** How many jobs it hosts now, built-in and the user's. */
  readonly jobs: number;
  readonly failedModules: readonly FailedJobModule[];
}

/**
 * Reloads the catalog on request: reads JOBS_ROOT again, swaps the registry and announces the catalog, so
 * the projection marks jobs that are gone `installed: false`. Every collector subscribes without a queue
 * group, since each must reload its own modules; reloads run one at a time, so announcements keep their order.
 */
@Injectable()
export class CatalogReloadService {
  private readonly logger = new Logger(CatalogReloadService.name);
  private subscription: Subscription | null = null;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(COLLECTOR_CONFIG) private readonly config: CollectorConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly catalog: CatalogService,
    private readonly announcer: CatalogAnnouncerService,
  ) {}

  /** Starts answering reload requests; called once the workers poll and the first announcement is out. */
  listen(): void {
    if (this.subscription) return;
    this.subscription = this.nc.subscribe(subjectsFor(this.config.shared.instance).catalogReloadCommand, {
      callback: (error, msg) => {
        if (error) {
          this.logger.error(errorLogFields(error), 'Catalog reload subscription failed');
          return;
        }
        void this.answer(msg);
      },
    });
  }

  /** Reloads and announces, after any reload already under way. */
  reload(): Promise<CatalogReloaded> {
    const next = this.last.then(() => this.reloadNow());
    this.last = next.catch(() => undefined);
    return next;
  }

  private async reloadNow(): Promise<CatalogReloaded> {
    const loaded = this.catalog.reload();
    await this.announcer.announce();
    return { collectorId: this.config.collectorId, jobs: loaded.jobs, failedModules: loaded.failedModules };
  }

  private reloadFor(meta: CommandMeta | null): Promise<CatalogReloaded> {
    this.logger.log({ actor: meta?.actor ?? null }, 'Reloading the catalog');
    return this.reload();
  }

  private async answer(msg: Msg): Promise<void> {
    const meta = requestMeta(msg);
    let reply: CommandReply<CatalogReloaded>;
    try {
      reply = { ok: true, value: await withLogContext(logContextOf({ meta }), () => this.reloadFor(meta)) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(errorLogFields(error), 'Catalog reload failed');
      reply = { ok: false, error: { code: ErrorCode.Internal, message, details: { collectorId: this.config.collectorId } } };
    }
    msg.respond(encodeJson(reply));
  }
}

/** Who asked, when the request says; an empty or unreadable body still reloads. */
function requestMeta(msg: Msg): CommandMeta | null {
  try {
    return msg.data.length > 0 ? (decodeJson<{ meta?: CommandMeta }>(msg.data).meta ?? null) : null;
  } catch {
    return null;
  }
}
