import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';
import { ApiHttpModule } from '../http/api-http.module';
import { JobsModule } from '../jobs/jobs.module';
import { IdentityModule } from '../users/identity.module';
import { CancelRunHttpController } from './cancel-run/cancel-run.http.controller';
import { PostgresRunsQueries } from './read-runs/postgres-runs.queries';
import { RunsHttpController } from './read-runs/runs.http.controller';
import { RunsQueries } from './read-runs/runs.queries';
import { RunRequester } from './run-requester';
import { JobRunPermission } from './start-run/job-run-permission';
import { RunUploads } from './start-run/run-uploads';
import { RunStarter } from './start-run/run-starter';
import { StartRunHttpController } from './start-run/start-run.http.controller';
import { StreamRunEventsHttpController } from './stream-run-events/stream-run-events.http.controller';
import { RunEndNotifications } from './wait-for-end/run-end-notifications';
import { RUN_END_WAKEUPS } from './wait-for-end/run-end-wakeups.token';

/** The largest text part of a multipart request (multer's own default, said out loud). */
const MAX_FORM_TEXT_PART_BYTES = 1024 * 1024;

/** Runs: starting one (with uploads), cancelling it, reading runs and their logs, following their events live. */
@Module({
  imports: [
    ApiHttpModule,
    IdentityModule,
    JobsModule,
    // Memory storage (multer's default without `dest`): uploads go straight on to the run-files bucket, never to disk.
    // A text part (a run's `data` as JSON text) is at most 1 MiB: a larger one is 400 MALFORMED_REQUEST.
    MulterModule.registerAsync({
      useFactory: (config: ApiConfig) => ({ limits: { fileSize: config.maxUploadBytes, files: 20, fields: 20, fieldSize: MAX_FORM_TEXT_PART_BYTES } }),
      inject: [API_CONFIG],
    }),
  ],
  controllers: [StartRunHttpController, CancelRunHttpController, RunsHttpController, StreamRunEventsHttpController],
  providers: [
    { provide: RunsQueries, useClass: PostgresRunsQueries },
    RunRequester,
    JobRunPermission,
    RunUploads,
    RunStarter,
    {
      provide: RUN_END_WAKEUPS,
      useFactory: (config: ApiConfig) => new RunEndNotifications({ databaseUrl: config.database.databaseUrl, applicationName: 'yardmaster-api-run-ends' }),
      inject: [API_CONFIG],
    },
  ],
  // For the routes that start runs of built-in jobs (a collection plan's), and read them.
  exports: [RunStarter, JobRunPermission, RunsQueries],
})
export class RunsModule {}
