import { ErrorCode } from '@yardmaster/contracts';
import { connectionFailureOf, databaseAddressOf, databaseOutageOf } from './database-outage';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** TypeORM's QueryFailedError: the driver's error as `driverError`, its fields copied on. */
function queryFailed(driverError: Error & { code?: string }): Error {
  return Object.assign(new Error(driverError.message), { driverError, code: driverError.code });
}

describe('connectionFailureOf', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['the pool giving up', new Error('timeout exceeded when trying to connect')],
    ['an administrator shutting the server down', queryFailed(withCode('terminating connection due to administrator command', '57P01'))],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['a connection exception', queryFailed(withCode('connection failure', '08006'))],
    ['each address refusing', Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), {})],
    ['a cause', new Error('query failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED') })],
  ])('recognises %s', (_what, error) => {
    expect(connectionFailureOf(error)).not.toBeNull();
  });

  it.each([
    ['a unique violation', queryFailed(withCode('duplicate key value violates unique constraint', '23505'))],
    ['a syntax error', queryFailed(withCode('syntax error at or near "x"', '42601'))],
    ['a plain error', new Error('boom')],
    ['something else', 'text'],
  ])('leaves %s alone', (_what, error) => {
    expect(connectionFailureOf(error)).toBeNull();
  });
});

describe('databaseAddressOf', () => {
  it('gives host and port, never the user or password', () => {
    expect(databaseAddressOf('postgres://yard:s3cret@db.example.com:6543/yardmaster')).toBe('db.example.com:6543');
    expect(databaseAddressOf('postgres://postgres@127.0.0.1/yardmaster')).toBe('127.0.0.1:5432');
  });
});

describe('databaseOutageOf', () => {
  it('is SERVICE_UNAVAILABLE naming PostgreSQL at its address, with a time to retry, and no password', () => {
    const outage = databaseOutageOf(withCode('connect ECONNREFUSED 10.0.0.5:6543', 'ECONNREFUSED'), 'postgres://yard:s3cret@10.0.0.5:6543/yardmaster');

    expect(outage).toMatchObject({ code: ErrorCode.ServiceUnavailable, details: { dependency: 'postgres', address: '10.0.0.5:6543', retryAfterSeconds: 5 } });
    expect(outage?.message).toContain('PostgreSQL at 10.0.0.5:6543');
    expect(JSON.stringify(outage?.toBody())).not.toContain('s3cret');
  });

  it('is null for an error that is no outage', () => {
    expect(databaseOutageOf(new Error('boom'), 'postgres://127.0.0.1/yardmaster')).toBeNull();
  });
});
