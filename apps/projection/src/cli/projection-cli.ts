import 'reflect-metadata';
import { ErrorCode, YardError } from '@yardmaster/contracts';
import { EnvReader, loadConfigOrExit } from '@yardmaster/config';
import { connectNats } from '@yardmaster/messaging';
import { createReadModelDataSource } from '@yardmaster/read-models';
import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { readProjectionConfig } from '../config';
import { AUDIT_CONSUMER } from '../audit/audit.consumer';
import { readModelsConsumer } from '../consumer/read-models.consumer';
import { rebuildReadModels } from '../rebuild/rebuild-read-models';
import { describeReport } from './describe-report';
import { parseRebuildArguments, REBUILD_USAGE, type RebuildArguments } from './rebuild-arguments';

/**
 * `npm run projection -- rebuild …`: the projection's own command line, beside the running service (or instead of
 * it, when its tables were dropped). It reads the same configuration as the service.
 */
async function main(argv: readonly string[]): Promise<number> {
  let args: RebuildArguments;
  try {
    args = parseRebuildArguments(argv);
  } catch (error) {
    process.stderr.write(`yardmaster projection: ${(error as Error).message}\n${REBUILD_USAGE}\n`);
    return 64;
  }
  const config = loadConfigOrExit('projection', (env: EnvReader) => readProjectionConfig(env));
  const nc = await connectNats(config.shared.natsUrl, 'yardmaster-projection-rebuild');
  const live = createReadModelDataSource(config.database.databaseUrl, 'yardmaster-projection-rebuild');
  await live.initialize();
  try {
    const log = (message: string, fields: Record<string, unknown> = {}) => {
      if (!args.json) process.stderr.write(`${message} ${JSON.stringify(fields)}\n`);
    };
    const report = await rebuildReadModels(
      { nc, instance: config.shared.instance, live, databaseUrl: config.database.databaseUrl, consumers: [readModelsConsumer(null), AUDIT_CONSUMER], log },
      { model: args.model, swap: args.swap, acceptLoss: args.acceptLoss, actor: `cli:${userInfo().username}`, correlationId: randomUUID() },
    );
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${describeReport(report).join('\n')}\n`);
    return report.swapped || report.identical ? 0 : 2;
  } catch (error) {
    if (error instanceof YardError) {
      process.stderr.write(`yardmaster projection: ${error.code}: ${error.message}\n`);
      return error.code === ErrorCode.RebuildWouldLoseRows ? 3 : 1;
    }
    throw error;
  } finally {
    await live.destroy();
    await nc.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`yardmaster projection: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
