import { Injectable } from '@nestjs/common';
import { ErrorCode, YardError, type CommandMeta, type ReplayParkedResult } from '@yardmaster/contracts';
import { decodeJson, deleteParked, InstanceNats, listParked, readParked, type ParkedMessage } from '@yardmaster/messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, READ_MODELS } from '@yardmaster/read-models';
import { randomUUID } from 'node:crypto';
import { recordAuditEntry } from '../audit/audit-recorder';
import { DurableConsumers } from '../consumer/durable-consumers';

/** The most parked events one "replay all" goes through; a second call takes the rest. */
const MAX_REPLAYED_AT_ONCE = 1_000;

/**
 * Applies parked events again through the handler of the consumer that parked them (for the read models, the
 * same apply-once transaction), deletes each one that applies, and records who replayed it in the audit. One
 * that still fails stays parked.
 */
@Injectable()
export class ReplayParkedEvents {
  constructor(
    private readonly nats: InstanceNats,
    private readonly consumers: DurableConsumers,
    @InjectDataSource(READ_MODELS) private readonly dataSource: DataSource,
  ) {}

  private get parkedStream(): string {
    return this.nats.streams.parked;
  }

  async replayOne(id: number, meta: CommandMeta): Promise<ReplayParkedResult> {
    const parked = await readParked(this.nats.nc, this.parkedStream, id);
    if (parked === null) throw new YardError(ErrorCode.ParkedEventNotFound, `No parked event has id ${id}`, undefined, { id });
    await this.replay(parked, meta);
    return { replayed: [id], failed: [] };
  }

  async replayAll(meta: CommandMeta): Promise<ReplayParkedResult> {
    const replayed: number[] = [];
    const failed: Array<ReplayParkedResult['failed'][number]> = [];
    for (const parked of await listParked(this.nats.nc, this.parkedStream, MAX_REPLAYED_AT_ONCE)) {
      try {
        await this.replay(parked, meta);
        replayed.push(parked.view.id);
      } catch (error) {
        const { code, message } = error instanceof YardError ? error : new YardError(ErrorCode.ReplayFailed, String(error));
        failed.push({ id: parked.view.id, error: { code, message } });
      }
    }
    return { replayed, failed };
  }

  private async replay(parked: ParkedMessage, meta: CommandMeta): Promise<void> {
    const { view } = parked;
    const handle = this.consumers.handlerOf(view.consumer, view.stream);
    const refuse = (why: string) => new YardError(ErrorCode.ReplayFailed, `Parked event ${view.id} still cannot be applied: ${why}`, undefined, { id: view.id });
    if (handle === null) throw refuse(`no consumer ${view.consumer} of ${view.stream} runs here`);
    let event: unknown;
    try {
      event = decodeJson<unknown>(parked.data);
    } catch {
      throw refuse('its payload is not JSON');
    }
    try {
      await handle({ event, subject: view.subject, stream: view.stream, streamSequence: view.sequence, redelivered: true });
    } catch (error) {
      throw refuse(error instanceof Error ? error.message : String(error));
    }
    // Another replay of the same event may have deleted it first: it is gone either way.
    await deleteParked(this.nats.nc, this.parkedStream, view.id).catch(() => undefined);
    await recordAuditEntry(this.dataSource, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      actor: meta.actor,
      action: 'parked.replayed',
      targetType: 'parked-event',
      targetId: String(view.id),
      summary: `replayed parked event ${view.id} (${view.eventType ?? 'unreadable event'} from ${view.stream} #${view.sequence})`,
      correlationId: meta.correlationId || null,
      details: { stream: view.stream, sequence: view.sequence, consumer: view.consumer, eventType: view.eventType, runId: view.runId },
    });
  }
}
