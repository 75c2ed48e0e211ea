import { InjectDataSource } from '@nestjs/typeorm';
import { anyJsonSchema } from '@yardmaster/contracts';
import { DataSource, READ_MODELS } from '@yardmaster/read-models';
import { ProjectionResponder } from './projection-responder';

/**
 * A query the scheduler's reconciler asks, answered from the read model. Its body is checked by the query's own
 * parser instead of a contract: bad fields are VALIDATION_FAILED, which the reconciler knows.
 */
export abstract class ReadModelQueryResponder<TReply> extends ProjectionResponder<unknown, TReply> {
  protected readonly contract = anyJsonSchema;

  @InjectDataSource(READ_MODELS) protected readonly dataSource!: DataSource;
}
