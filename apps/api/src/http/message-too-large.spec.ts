import { ErrorCode } from '@yardmaster/contracts';
import { messageTooLargeOf } from './message-too-large';

/** As @nats-io/nats-core throws it from publish and request. */
function natsInvalidArgument(message: string): Error {
  return Object.assign(new Error(message), { name: 'InvalidArgumentError' });
}

describe('messageTooLargeOf', () => {
  it("makes NATS's refusal of a message over max_payload PAYLOAD_TOO_LARGE", () => {
    expect(messageTooLargeOf(natsInvalidArgument("'payload' max_payload size exceeded"))).toMatchObject({ code: ErrorCode.PayloadTooLarge });
  });

  it('leaves other errors alone', () => {
    expect(messageTooLargeOf(natsInvalidArgument("'subject' is not valid"))).toBeNull();
    expect(messageTooLargeOf(new Error('max_payload size exceeded'))).toBeNull();
  });
});
