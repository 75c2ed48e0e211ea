import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { TracingConfig } from '@yardmaster/config';
import type { ServiceName } from '@yardmaster/contracts';
import { installTracing, type InstalledTracing } from './install-tracing';

const TRACING_OPTIONS = Symbol('TRACING_OPTIONS');

/** Installs tracing as the service starts (when configured) and flushes what is left to send at shutdown. */
@Injectable()
export class ServiceTracing implements OnModuleInit, OnApplicationShutdown {
  private installed: InstalledTracing | null = null;

  constructor(@Inject(TRACING_OPTIONS) private readonly options: { readonly service: ServiceName; readonly config: TracingConfig }) {}

  get isOn(): boolean {
    return this.installed !== null;
  }

  /** The installed SDK's span processor and resource; null when tracing is off. */
  get sdk(): InstalledTracing | null {
    return this.installed;
  }

  onModuleInit(): void {
    this.installed = installTracing(this.options.service, this.options.config);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.installed?.shutdown();
    this.installed = null;
  }
}

@Module({})
export class TracingModule {
  static forService(service: ServiceName, config: TracingConfig): DynamicModule {
    return { module: TracingModule, providers: [{ provide: TRACING_OPTIONS, useValue: { service, config } }, ServiceTracing], exports: [ServiceTracing] };
  }
}
