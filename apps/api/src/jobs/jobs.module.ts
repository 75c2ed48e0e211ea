import { Module } from '@nestjs/common';
import { ReloadCatalogHttpController } from '../catalog/reload-catalog.http.controller';
import { ApiHttpModule } from '../http/api-http.module';
import { JobsHttpController } from './jobs.http.controller';
import { JobsQueries } from './jobs.queries';
import { OverrideJobHttpController } from './override-job/override-job.http.controller';

/** The job catalog: reading it, overriding a job, reloading the collectors' job code. Exports the catalog's reads for the runs. */
@Module({
  imports: [ApiHttpModule],
  controllers: [JobsHttpController, OverrideJobHttpController, ReloadCatalogHttpController],
  providers: [JobsQueries],
  exports: [JobsQueries],
})
export class JobsModule {}
