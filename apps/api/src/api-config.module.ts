import { Global, Module, type DynamicModule } from '@nestjs/common';
import { API_CONFIG } from './api-config.token';
import type { ApiConfig } from './config';

/** The API's configuration, for every feature module to inject (`@Inject(API_CONFIG)`) without importing it. */
@Global()
@Module({})
export class ApiConfigModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return { module: ApiConfigModule, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] };
  }
}
