import { cancelRunCommandSchema } from '../commands/cancel-run';
import { ErrorCode, YardError } from '../errors/error-codes';
import { catalogAnnouncedDataSchema } from '../events/catalog-events';
import { runEventSchema } from '../events/run-events';
import { startRunBodySchema } from '../bodies/start-run-body';
import { parseBody } from './parse-body';
import { parseContract } from './parse-contract';

function refusal(parse: () => unknown): YardError {
  try {
    parse();
  } catch (error) {
    if (error instanceof YardError) return error;
    throw error;
  }
  throw new Error('the value was accepted');
}

describe('parseContract', () => {
  it('returns a message that matches, without the fields its contract does not know', () => {
    const command = { meta: { actor: 'alice', correlationId: 'c-1' }, runId: 'r-1', addedLater: true };
    expect(parseContract(cancelRunCommandSchema, command, 'A cancel')).toEqual({ meta: { actor: 'alice', correlationId: 'c-1' }, runId: 'r-1' });
  });

  it('refuses one that does not with MALFORMED_REQUEST and a field error per field, nested by dots', () => {
    const error = refusal(() => parseContract(cancelRunCommandSchema, { meta: { actor: 7 }, runId: null }, 'A cancel'));
    expect(error.code).toBe(ErrorCode.MalformedRequest);
    expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(['meta.actor', 'meta.correlationId', 'runId']);
    expect(error.message).toMatch(/^A cancel does not match its contract: meta\.actor: /);
  });

  it('picks an event’s data schema by its type, and names an unknown type', () => {
    const envelope = { id: 'e-1', version: 1, occurredAt: '2026-01-01T00:00:00Z', aggregateId: 'r-1', sequence: 1, correlationId: 'c', causationId: null, actor: 'alice' };
    expect(parseContract(runEventSchema, { ...envelope, type: 'run.progress', data: { total: 2, done: 1, failed: 0 } }, 'Event')).toMatchObject({ type: 'run.progress' });
    expect(refusal(() => parseContract(runEventSchema, { ...envelope, type: 'run.progress', data: { total: 2 } }, 'Event')).fieldErrors).toEqual([
      { field: 'data.done', message: expect.any(String) },
      { field: 'data.failed', message: expect.any(String) },
    ]);
    expect(refusal(() => parseContract(runEventSchema, { ...envelope, type: 'run.exploded', data: {} }, 'Event')).fieldErrors).toEqual([
      { field: 'type', message: expect.any(String) },
    ]);
  });
});

describe('an event from an older producer', () => {
  it('reads an announcement from before read-only jobs as writing jobs with commit by default, as the read model does', () => {
    const job = {
      id: 'examples.Hello',
      module: 'examples',
      className: 'Hello',
      name: 'Hello',
      description: '',
      grouping: 'Examples',
      variables: [{ name: 'name', type: 'string' }],
      schema: { type: 'object' },
      steps: ['run'],
      timeouts: {},
      retry: { maximumAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2, maximumIntervalSeconds: 30 },
      concurrency: null,
    };
    expect(parseContract(catalogAnnouncedDataSchema, { collectorId: 'c-1', jobs: [job] }, 'Announcement').jobs[0]).toMatchObject({ readOnly: false, commitDefault: true });
  });
});

describe('parseBody', () => {
  it('answers VALIDATION_FAILED, unknown fields first and each named, then one error per bad field', () => {
    const error = refusal(() => parseBody(startRunBodySchema, { runTimeoutSeconds: 0.5, colour: 'red', commit: 'yes' }, { invalid: 'Bad run', unknownField: 'is not a field' }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toBe('Bad run');
    expect(error.fieldErrors).toEqual([
      { field: 'colour', message: 'is not a field' },
      { field: 'commit', message: 'must be true or false' },
      // Not a whole number and below 1: told once.
      { field: 'runTimeoutSeconds', message: 'must be a whole number of seconds, at least 1' },
    ]);
  });
});
