import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SYSTEM_ACTOR_PREFIX } from '@yardmaster/contracts';
import { createFirstAdmin, IDENTITY, identityEvents } from '@yardmaster/identity';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';
import { IdentityEventPublisher } from '../users/identity-event-publisher';

/**
 * YARD_ADMIN_USERNAME and YARD_ADMIN_TOKEN: on a fresh installation (no user at all), the API creates that
 * administrator with that token (its hash) before it takes requests. Once any user exists they change nothing.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @InjectDataSource(IDENTITY) private readonly dataSource: DataSource,
    private readonly events: IdentityEventPublisher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const firstAdmin = this.config.firstAdmin;
    if (!firstAdmin) return;
    const created = await createFirstAdmin(this.dataSource, firstAdmin.username, 'YARD_ADMIN_TOKEN', firstAdmin.token);
    if (!created) return;
    this.logger.log({ username: firstAdmin.username, tokenPrefix: created.prefix }, 'Created the first administrator with the token of YARD_ADMIN_TOKEN');
    // No person acted: the installation did, so the audit names the API.
    const change = { actor: `${SYSTEM_ACTOR_PREFIX}api`, correlationId: randomUUID() };
    for (const event of identityEvents.firstAdminCreated(change, firstAdmin.username, created)) await this.events.publish(event);
  }
}
