import { Logger, type DynamicModule, type INestApplication, type INestApplicationContext, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { exitOnStartFailure, loadConfigOrExit, type EnvReader, type StartDependency } from '@yardmaster/config';
import { ServiceLogger } from '../service-logger';

/** A service that serves HTTP: how its application is set up, and where it listens. */
export interface HttpServing<C, A extends INestApplication> {
  readonly options?: NestApplicationOptions;
  readonly configure: (app: A, config: C) => void;
  readonly listen: (config: C) => { readonly host: string; readonly port: number; readonly announce: string };
}

/** One service as `startService` starts it. */
export interface ServiceDefinition<C, A extends INestApplication = INestApplication> {
  /** As its messages name it: "yardmaster <name>: …". */
  readonly name: string;
  readonly readConfig: (env: EnvReader) => C;
  readonly module: (config: C) => DynamicModule;
  /** The servers it needs at start: one that is down is one line naming it (exit 69), not the driver's stack. */
  readonly dependencies: (config: C) => readonly StartDependency[];
  /** Checks and set-up before anything connects; a check that fails exits with its own code. */
  readonly prepare?: (config: C) => void;
  readonly http?: HttpServing<C, A>;
}

/**
 * Starts a service the one way all do: configuration parsed once (a bad one exits 78 with a readable line), the
 * application built with shutdown hooks (SIGTERM closes connections), and a failure to start reported as one line.
 */
export async function startService<C, A extends INestApplication = INestApplication>(
  definition: ServiceDefinition<C, A>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplicationContext> {
  const config = loadConfigOrExit(definition.name, definition.readConfig, env);
  definition.prepare?.(config);
  return createAndRun(definition, config).catch((error: unknown) => exitOnStartFailure(definition.name, error, definition.dependencies(config)));
}

async function createAndRun<C, A extends INestApplication>(definition: ServiceDefinition<C, A>, config: C): Promise<INestApplicationContext> {
  // abortOnError false: a failed start rejects, for exitOnStartFailure to report, instead of Nest exiting by itself.
  // Nest's own lines wait in a buffer for the pino logger (the chassis's); a start that fails hands them to ServiceLogger.
  const options = { logger: new ServiceLogger(), bufferLogs: true, abortOnError: false };
  const module = definition.module(config);
  const { http } = definition;
  if (!http) {
    const context: INestApplicationContext = await NestFactory.createApplicationContext(module, options);
    context.useLogger(context.get(PinoNestLogger));
    return context.enableShutdownHooks();
  }
  const app = await NestFactory.create<A>(module, { ...options, ...http.options });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks();
  http.configure(app, config);
  const { host, port, announce } = http.listen(config);
  await app.listen(port, host);
  new Logger('HTTP').log({ host, port }, announce);
  return app;
}
