import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';
import { AuthGuard } from '../auth/auth.guard';
import { FailedAuthentications } from '../auth/failed-authentications/failed-authentications';
import { ErrorFilter } from './error.filter';
import { SchedulerCommands } from './scheduler-commands';
import { NulFreeInputPipe } from './untrusted-input/nul-free-input.pipe';

/**
 * What every feature's routes share, provided once: the error filter, the input pipe and the auth guard (global,
 * for every route of every module), and the client that sends the scheduler commands, exported to the features.
 */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ErrorFilter },
    // Before any other pipe and any handler: no text holding NUL gets further than this.
    { provide: APP_PIPE, useClass: NulFreeInputPipe },
    { provide: FailedAuthentications, useFactory: (apiConfig: ApiConfig) => new FailedAuthentications(apiConfig.failedAuthentication), inject: [API_CONFIG] },
    // Deny by default: every route passes the guard, and a route that declares no access rule is refused.
    { provide: APP_GUARD, useClass: AuthGuard },
    SchedulerCommands,
  ],
  exports: [SchedulerCommands],
})
export class ApiHttpModule {}
