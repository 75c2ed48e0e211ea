import { Injectable } from '@nestjs/common';
import { ErrorCode, YardError, replayParkedCommandSchema, type ReplayParkedCommand, type ReplayParkedResult } from '@yardmaster/contracts';
import { ProjectionResponder } from '../nats/projection-responder';
import { ReplayParkedEvents } from './replay-parked-events';

/** Answers `ReplayParkedCommand` (one id, or all) for the API; replicas share the work in the `projection` queue group. */
@Injectable()
export class ReplayParkedResponder extends ProjectionResponder<ReplayParkedCommand, ReplayParkedResult> {
  protected readonly contract = replayParkedCommandSchema;

  constructor(private readonly replays: ReplayParkedEvents) {
    super('replayParkedCommand', 'Parked-event replay');
  }

  protected answer(command: ReplayParkedCommand): Promise<ReplayParkedResult> {
    if (command.all === true) return this.replays.replayAll(command.meta);
    if (typeof command.id === 'number' && Number.isSafeInteger(command.id) && command.id > 0) return this.replays.replayOne(command.id, command.meta);
    return Promise.reject(
      new YardError(ErrorCode.ValidationFailed, 'Name a parked event (a positive whole number) or all of them', [{ field: 'id', message: 'must be a positive whole number' }]),
    );
  }
}
