import { exitCodeForEvent, exitCodeForStatus, ExitCode, terminalStatusOfEvent } from './exit-codes';
import { ApiError, ApiUnreachableError, describeError, InterruptedError, MalformedAnswerError, UsageError } from './errors';

describe('exit codes', () => {
  it('map each end state of a run, by status and by terminal event', () => {
    const expected: Array<[string, number]> = [
      ['completed', 0],
      ['failed', 1],
      ['errored', 2],
      ['cancelled', 3],
      ['timed_out', 4],
    ];
    for (const [status, code] of expected) {
      expect(exitCodeForStatus(status)).toBe(code);
      expect(exitCodeForEvent(`run.${status}`)).toBe(code);
      expect(terminalStatusOfEvent(`run.${status}`)).toBe(status);
    }
  });

  it('are null for runs that go on and events that end nothing', () => {
    for (const status of ['pending', 'scheduled', 'queued', 'running', 'toString', '']) expect(exitCodeForStatus(status)).toBeNull();
    for (const type of ['run.requested', 'run.log', 'run.progress', 'run.cancel_requested', 'completed', 'schedule.completed']) {
      expect(exitCodeForEvent(type)).toBeNull();
    }
  });

  it('are distinct, and usage and API errors are 10 and 11', () => {
    const codes = Object.values(ExitCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(ExitCode.Usage).toBe(10);
    expect(ExitCode.Api).toBe(11);
    expect(ExitCode.MalformedAnswer).toBe(13);
  });
});

describe('describeError', () => {
  it('prints an API error with one line per field error, its details and correlation id, and exits 11', () => {
    const error = new ApiError(
      'POST',
      '/api/jobs/examples.HelloWorld/runs',
      400,
      {
        code: 'VALIDATION_FAILED',
        message: 'The run request is invalid',
        fieldErrors: [
          { field: 'data.count', message: 'must be at least 1' },
          { field: 'data.name', message: 'is required' },
        ],
        correlationId: 'c-1',
      },
      '',
    );
    expect(describeError(error, 'yard')).toEqual({
      lines: [
        'yard: The run request is invalid (VALIDATION_FAILED, HTTP 400)',
        '  data.count: must be at least 1',
        '  data.name: is required',
        '  correlation id: c-1',
      ],
      exitCode: 11,
    });
    const conflict = new ApiError('POST', '/x', 409, { code: 'CONCURRENCY_CONFLICT', message: 'Busy', details: { blockingRunId: 'r-1' } }, '');
    expect(describeError(conflict, 'yard').lines).toEqual(['yard: Busy (CONCURRENCY_CONFLICT, HTTP 409)', '  blockingRunId: r-1']);
  });

  it('prints an answer that is not an error body with its status and text', () => {
    expect(describeError(new ApiError('GET', '/api/jobs', 502, null, '<html>Bad gateway</html>'), 'yard').lines).toEqual([
      'yard: GET /api/jobs answered HTTP 502: <html>Bad gateway</html>',
    ]);
  });

  it('exits 10 for usage, 11 when unreachable, 130 when interrupted', () => {
    expect(describeError(new UsageError('run: missing <jobId>', [], 'run'), 'yard')).toEqual({
      lines: ['yard: run: missing <jobId>', 'Run `yard run --help` for its usage.'],
      exitCode: 10,
    });
    expect(describeError(new ApiUnreachableError('cannot reach the API'), 'yard').exitCode).toBe(11);
    expect(describeError(new InterruptedError('stopped'), 'yard').exitCode).toBe(130);
  });

  it('suggests commands the way the person started the CLI, so they work when pasted', () => {
    expect(describeError(new UsageError('run: missing <jobId>', [], 'run'), 'npx yard').lines).toEqual([
      'yard: run: missing <jobId>',
      'Run `npx yard run --help` for its usage.',
    ]);
    expect(describeError(new UsageError('unknown command "x"'), 'npx yard').lines.at(-1)).toBe('Run `npx yard --help` for usage.');
    const unauthenticated = new ApiError('GET', '/api/jobs', 401, { code: 'UNAUTHENTICATED', message: 'No token', correlationId: 'c-1' }, '');
    expect(describeError(unauthenticated, 'npx yard').lines.at(-1)).toBe(
      'The API needs a valid token: run `npx yard login` (or set YARD_TOKEN); an administrator issues tokens.',
    );
    const forbidden = new ApiError('GET', '/api/audit', 403, { code: 'FORBIDDEN', message: 'No', correlationId: 'c-2' }, '');
    expect(describeError(forbidden, 'npm run yard --').lines.at(-1)).toBe(
      'Your token is valid but may not do this: `npm run yard -- whoami` lists what it may do.',
    );
  });

  it('prints a malformed answer as one line naming its first three mismatches, and exits 13', () => {
    const problems = ['a: bad', 'b: bad', 'c: bad', 'd: bad', 'e: bad'];
    expect(describeError(new MalformedAnswerError('GET', '/api/jobs', problems), 'yard')).toEqual({
      lines: ["yard: the API's answer to GET /api/jobs does not match its contract (a: bad; b: bad; c: bad; and 2 more); are the CLI and the API the same version?"],
      exitCode: 13,
    });
  });
});
