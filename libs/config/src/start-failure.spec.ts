import { dependencyStartFailure, natsDependency, postgresDependency, startDependencies, temporalDependency } from './start-failure';

const dependencies = [natsDependency('nats://127.0.0.1:4299'), postgresDependency('postgres://postgres:secret@127.0.0.1:5499/yard'), temporalDependency('127.0.0.1:7299')];

describe('dependencyStartFailure', () => {
  it('names NATS from the client error whose cause holds the address', () => {
    const error = Object.assign(new Error('connection refused'), { name: 'ConnectionError', cause: new Error('connect ECONNREFUSED 127.0.0.1:4299') });
    expect(dependencyStartFailure('scheduler', error, dependencies)).toBe(
      'yardmaster scheduler: cannot start: NATS at 127.0.0.1:4299 cannot be reached (connection refused). ' +
        'Start NATS there (npm run stack:up starts the development servers), or set YARD_NATS_URL to where it runs.',
    );
  });

  it("names PostgreSQL from the driver's address and port, never the password", () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 5499 });
    const line = dependencyStartFailure('api', error, dependencies)!;
    expect(line).toContain('PostgreSQL at 127.0.0.1:5499');
    expect(line).toContain('YARD_DATABASE_URL');
    expect(line).not.toContain('secret');
  });

  it("names Temporal from the worker's transport error", () => {
    const error = new Error('tonic::transport::Error(Transport, ConnectError(ConnectError("tcp connect error", 127.0.0.1:7299, Os { code: 111, kind: ConnectionRefused })))');
    expect(dependencyStartFailure('collector', error, dependencies)).toContain('Temporal at 127.0.0.1:7299 cannot be reached');
  });

  it('leaves other errors alone', () => {
    expect(dependencyStartFailure('api', new Error('Cannot read properties of undefined'), dependencies)).toBeNull();
  });
});

describe('startDependencies', () => {
  const shared = { instance: 'yard', natsUrl: 'nats://127.0.0.1:4299', logLevel: 'info', tracing: null } as const;

  it('names NATS, then PostgreSQL and Temporal when their settings are given, without credentials', () => {
    expect(startDependencies({ shared, database: { databaseUrl: 'postgres://postgres:secret@127.0.0.1:5499/yard' }, temporal: { address: '127.0.0.1:7299' } })).toEqual(dependencies);
    expect(JSON.stringify(startDependencies({ shared, database: { databaseUrl: 'postgres://postgres:secret@127.0.0.1:5499/yard' } }))).not.toContain('secret');
  });

  it('leaves out what a service has no settings for', () => {
    expect(startDependencies({ shared })).toEqual([natsDependency('nats://127.0.0.1:4299')]);
  });
});
