import { Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigError, natsDependency } from '@yardmaster/config';
import { LoggerModule } from 'nestjs-pino';
import { startService } from './start-service';

/** process.exit, made to throw: the test sees the code and nothing runs past it, as in a real exit. */
class Exited extends Error {
  constructor(readonly code: number | undefined) {
    super(`exit ${code}`);
  }
}

@Injectable()
class Connection implements OnApplicationShutdown {
  closed = false;
  onApplicationShutdown(): void {
    this.closed = true;
  }
}

// The logger startService hands Nest's lines to once the application exists (in a service: the chassis's).
@Module({ imports: [LoggerModule.forRoot({ pinoHttp: { level: 'silent' } })], providers: [Connection] })
class WorkingModule {}

const refusing: DynamicModule = {
  module: class RefusingModule {},
  providers: [
    {
      provide: 'NATS',
      useFactory: () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4222'), { code: 'ECONNREFUSED' });
      },
    },
  ],
};

const NATS_URL = 'nats://127.0.0.1:4222';

describe('startService', () => {
  let stderr: string[];

  beforeEach(() => {
    stderr = [];
    jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Exited(code === undefined || code === null ? undefined : Number(code));
    });
    // Nest's start-up log lines: not what these tests look at.
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  });

  afterEach(() => jest.restoreAllMocks());

  it('a bad configuration is one readable line and exit 78, before anything is prepared or connects', async () => {
    const prepare = jest.fn();
    const start = startService({
      name: 'unit',
      readConfig: () => {
        throw new ConfigError(['YARD_NATS_URL must be a nats:// URL']);
      },
      module: () => ({ module: WorkingModule }),
      dependencies: () => [],
      prepare,
    });
    await expect(start).rejects.toEqual(new Exited(78));
    expect(stderr).toEqual(['yardmaster unit: Invalid configuration:\n  - YARD_NATS_URL must be a nats:// URL\n']);
    expect(prepare).not.toHaveBeenCalled();
  });

  it('a dependency refusing at start is one line naming it and exit 69', async () => {
    const start = startService({ name: 'unit', readConfig: () => ({ natsUrl: NATS_URL }), module: () => refusing, dependencies: (config) => [natsDependency(config.natsUrl)] });
    await expect(start).rejects.toEqual(new Exited(69));
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^yardmaster unit: cannot start: NATS at 127\.0\.0\.1:4222 cannot be reached \(connection refused\)\./);
  });

  it('prepares with the parsed configuration, then starts with shutdown hooks that close what was opened', async () => {
    const prepare = jest.fn();
    const sigtermListeners = process.listenerCount('SIGTERM');
    const app = await startService({ name: 'unit', readConfig: () => ({ natsUrl: NATS_URL }), module: () => ({ module: WorkingModule }), dependencies: () => [], prepare });
    expect(prepare).toHaveBeenCalledWith({ natsUrl: NATS_URL });
    expect(process.listenerCount('SIGTERM')).toBe(sigtermListeners + 1);
    const connection = app.get(Connection);
    await app.close();
    expect(connection.closed).toBe(true);
  });
});
