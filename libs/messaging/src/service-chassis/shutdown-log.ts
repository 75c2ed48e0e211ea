import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

/** Says why a service stops; the connections close after (NATS drains, Postgres pools end). */
@Injectable()
export class ShutdownLog implements OnApplicationShutdown {
  constructor(@InjectPinoLogger('Shutdown') private readonly logger: PinoLogger) {}

  onApplicationShutdown(signal?: string): void {
    this.logger.info({ signal: signal ?? null }, 'shutting down');
  }
}
