/** Telling a Postgres outage (waited out) from a wrong query or event (held against the event). */
import { connectionFailureOf, isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it('recognises socket errors, connection SQLSTATEs and node-postgres lost connections', () => {
    expect(connectionFailureOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432');
    expect(isDatabaseUnavailable({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006' })).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('finds the reason behind TypeORM, a cause or an AggregateError', () => {
    const typeorm = Object.assign(new Error('QueryFailedError'), { driverError: { code: '53300', message: 'too many clients' } });
    expect(connectionFailureOf(typeorm)).toBe('53300: too many clients');
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: { code: 'ECONNRESET' } }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([new Error('x'), { code: 'EHOSTUNREACH' }]))).toBe(true);
  });

  it('leaves query errors, unique violations and non-errors alone', () => {
    expect(isDatabaseUnavailable({ code: '23505', message: 'duplicate key value violates unique constraint' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('relation "job_runs" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });

  it('stops on an error that wraps itself', () => {
    const loop: { cause?: unknown; message: string } = { message: 'loop' };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
