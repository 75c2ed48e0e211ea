import { CancelledFailure } from '@temporalio/common';
import type { CliCollectorType, CliPlatform, CliRecordTypes, ParsedRecord } from '@yardmaster/cli-facts';
import { CLI_COLLECTOR_TYPES } from '@yardmaster/cli-facts';
import type { CollectorType, LogObjectRef } from '@yardmaster/contracts';
import type { LogOptions } from '@yardmaster/job-sdk';
import { DeviceCollectionError } from '../device-collection-error';

/** A device session that runs one command and answers its output (the SSH driver's session). */
export interface CommandRunner {
  run(command: string): Promise<string>;
}

/**
 * Parses a command's output with the template the platform's index names; fails when no template matches the
 * command or the template rejects the output (an `Error` rule, a `Required` value never filled, a runaway, …).
 */
export type ParseOutput = (platform: string, command: string, output: string) => readonly ParsedRecord[] | Promise<readonly ParsedRecord[]>;

export type CollectedOverCli = Map<CliCollectorType, readonly CliRecordTypes[CliCollectorType][]>;

export interface CliCollection {
  readonly platform: CliPlatform;
  readonly session: CommandRunner;
  readonly parse: ParseOutput;
  readonly collectorTypes: readonly CollectorType[];
  /** The device's log: a skipped type or a mapping's doubt is a warning there. */
  readonly logger: { warning(message: string, options?: LogOptions): unknown };
  readonly object: LogObjectRef;
  /** Checked between commands: a cancelled run sends nothing more to the device. */
  readonly cancelled: () => boolean;
}

/**
 * Runs the plan's collector types over one device session: each `show` command once, however many types read it
 * (Junos' `show interfaces` gives interfaces and addresses), parsed by its template and mapped to facts records.
 * A type SSH does not collect (ndp, cdp, bgp) is skipped with a warning; a mapping's doubts are warnings; output no
 * template can read leaves that type out with a warning naming the command and the cause (as an SNMP collector that
 * fails), and fails the device with UNPARSEABLE_OUTPUT when no type could be read at all.
 */
export async function collectOverCli(collection: CliCollection): Promise<CollectedOverCli> {
  const { platform, session, parse, logger, object } = collection;
  const answers = new Map<string, Promise<readonly ParsedRecord[]>>();
  const collected: CollectedOverCli = new Map();
  const unparseable: DeviceCollectionError[] = [];
  // Each command is sent once, whichever types read it; a failed parse fails every type that reads it.
  const parsedAnswer = (command: string) => {
    let answer = answers.get(command);
    if (!answer) {
      answer = session.run(command).then((output) => parseOrFail(parse, platform.driver, command, output));
      answers.set(command, answer);
    }
    return answer;
  };
  for (const type of collection.collectorTypes) {
    if (!isCliType(type)) {
      logger.warning(`Skipped ${type}: SSH collection does not collect it (SNMP does)`, { object });
      continue;
    }
    const collector = platform.collectors[type];
    const parsed: (readonly ParsedRecord[])[] = [];
    try {
      for (const command of collector.commands) {
        if (collection.cancelled()) throw new CancelledFailure('cancelled');
        parsed.push(await parsedAnswer(command));
      }
    } catch (error) {
      // As an SNMP collector that fails: this type is left out (nothing of it turns stale), the others go on.
      if (!(error instanceof DeviceCollectionError) || error.code !== 'UNPARSEABLE_OUTPUT') throw error;
      logger.warning(`${type}: ${error.code}: ${error.message}`, { object });
      unparseable.push(error);
      continue;
    }
    const { records, warnings } = (collector.map as (parsed: readonly (readonly ParsedRecord[])[]) => { records: CliRecordTypes[CliCollectorType][]; warnings: { message: string }[] })(parsed);
    for (const warning of warnings) logger.warning(`${type}: ${warning.message}`, { object });
    collected.set(type, records);
  }
  // Nothing of what was asked could be read: the device fails, naming the first answer that could not be parsed.
  if (collected.size === 0 && unparseable[0]) throw unparseable[0];
  return collected;
}

async function parseOrFail(parse: ParseOutput, driver: string, command: string, output: string): Promise<readonly ParsedRecord[]> {
  try {
    return await parse(driver, command, output);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new DeviceCollectionError('UNPARSEABLE_OUTPUT', `The answer to "${command}" could not be parsed: ${cause}`);
  }
}

function isCliType(type: CollectorType): type is CliCollectorType {
  return (CLI_COLLECTOR_TYPES as readonly string[]).includes(type);
}
