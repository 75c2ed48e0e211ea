import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { streamNamesFor, subjectsFor, type CommandMeta, type ParkedEventListView, type ReplayParkedCommand, type ReplayParkedResult } from '@yardmaster/contracts';
import { countParked, listParked, NATS_CONNECTION, sendCommand } from '@yardmaster/messaging';
import { API_CONFIG } from '../../api-config.token';
import type { ApiConfig } from '../../config';

/** The most parked events one list shows, oldest first; `total` says how many there are. */
const MAX_LISTED = 500;
/** Replaying every parked event can take a while: each is one transaction. */
const REPLAY_ALL_TIMEOUT_MS = 60_000;

/**
 * The parked events of this instance: read from their stream, and replayed by asking the projection (through the
 * same apply-once path as any event), so a replay needs it running.
 */
@Injectable()
export class ParkedEvents {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection, @Inject(API_CONFIG) private readonly config: ApiConfig) {}

  async list(): Promise<ParkedEventListView> {
    const stream = streamNamesFor(this.config.shared.instance).parked;
    const [parked, total] = await Promise.all([listParked(this.nc, stream, MAX_LISTED), countParked(this.nc, stream)]);
    return { items: parked.map((message) => message.view), total };
  }

  replayAll(meta: CommandMeta): Promise<ReplayParkedResult> {
    return this.replay({ meta, all: true }, REPLAY_ALL_TIMEOUT_MS);
  }

  replayOne(meta: CommandMeta, id: number): Promise<ReplayParkedResult> {
    return this.replay({ meta, id }, this.config.commandTimeoutMs);
  }

  private replay(command: ReplayParkedCommand, timeoutMs: number): Promise<ReplayParkedResult> {
    return sendCommand<ReplayParkedResult>(this.nc, subjectsFor(this.config.shared.instance).replayParkedCommand, command, { timeoutMs, serviceName: 'projection' });
  }
}
