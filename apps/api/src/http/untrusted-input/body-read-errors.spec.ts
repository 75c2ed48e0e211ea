import { ErrorCode } from '@yardmaster/contracts';
import { bodyReadRefusal } from './body-read-errors';

/** As http-errors builds them for the body parsers. */
function parserError(message: string, fields: { type: string; status: number; limit?: number }): Error {
  return Object.assign(new Error(message), fields, { expose: true });
}

describe('bodyReadRefusal', () => {
  it('makes a body over the limit PAYLOAD_TOO_LARGE, saying the limit', () => {
    const refusal = bodyReadRefusal(parserError('request entity too large', { type: 'entity.too.large', status: 413, limit: 10_485_760 }));

    expect(refusal).toMatchObject({ code: ErrorCode.PayloadTooLarge, details: { limitBytes: 10_485_760 } });
    expect(refusal?.message).toContain('at most 10485760 bytes');
  });

  it('makes other refusals of the parsers MALFORMED_REQUEST', () => {
    expect(bodyReadRefusal(parserError('unsupported content encoding "compress"', { type: 'encoding.unsupported', status: 415 }))).toMatchObject({
      code: ErrorCode.MalformedRequest,
      message: 'The request body cannot be read: unsupported content encoding "compress"',
    });
  });

  it('leaves other errors alone', () => {
    expect(bodyReadRefusal(new Error('boom'))).toBeNull();
    expect(bodyReadRefusal(parserError('server', { type: 'stream.encoding.set', status: 500 }))).toBeNull();
    expect(bodyReadRefusal('not an error')).toBeNull();
  });
});
