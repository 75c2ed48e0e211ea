import { Module, type DynamicModule } from '@nestjs/common';
import { InventoryModule } from '@yardmaster/inventory';
import { InstanceNats, ServiceChassisModule } from '@yardmaster/messaging';
import { CREDENTIAL_VAULT_PROVIDER } from './activities/credentials/credential-vault.provider';
import { CatalogAnnouncerService } from './catalog/catalog-announcer.service';
import { CatalogReloadService } from './catalog/catalog-reload.service';
import { CatalogService } from './catalog/catalog.service';
import { COLLECTOR_CONFIG } from './collector-config.token';
import type { CollectorConfig } from './config';
import { collectorHealth } from './health/collector-health';
import { NatsDataPruner } from './jobs/system/data-pruner';
import { systemJobModule } from './jobs/system/prune-data.job';
import { SYSTEM_JOB_MODULE } from './jobs/system/system-job-module.token';
import { activityCredentials } from './activities/credentials/activity-credentials';
import { SSH_CLI_ACCESS, SSH_CLI_ACCESS_PROVIDER } from './collection/cli/ssh-cli-access.provider';
import type { SshCliAccess } from './collection/cli/ssh-cli-access';
import { devicesJobModule } from './jobs/devices/run-command.job';
import { DEVICES_JOB_MODULE } from './jobs/devices/devices-job-module.token';
import { CredentialVault } from '@yardmaster/inventory';
import { CollectorWorkersService } from './worker/collector-workers.service';

@Module({})
export class CollectorModule {
  static forConfig(config: CollectorConfig): DynamicModule {
    return {
      module: CollectorModule,
      imports: [
        ServiceChassisModule.forService({ service: 'collector', instanceId: config.collectorId, shared: config.shared, metrics: config.metrics, health: collectorHealth }),
        InventoryModule.forRoot({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-collector' }),
      ],
      providers: [
        { provide: COLLECTOR_CONFIG, useValue: config },
        { provide: SYSTEM_JOB_MODULE, useFactory: (nats: InstanceNats) => systemJobModule(new NatsDataPruner(nats)), inject: [InstanceNats] },
        CREDENTIAL_VAULT_PROVIDER,
        SSH_CLI_ACCESS_PROVIDER,
        {
          provide: DEVICES_JOB_MODULE,
          useFactory: (cli: SshCliAccess, vault: CredentialVault) => devicesJobModule({ cli, hasTemplate: cli.hasTemplate, openCredentials: activityCredentials(vault) }),
          inject: [SSH_CLI_ACCESS, CredentialVault],
        },
        CatalogService,
        CollectorWorkersService,
        CatalogAnnouncerService,
        CatalogReloadService,
      ],
    };
  }
}
