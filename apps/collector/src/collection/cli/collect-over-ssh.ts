import type { Context } from '@temporalio/activity';
import { cliPlatformOf } from '@yardmaster/cli-facts';
import { DEFAULT_CONNECTION_TARGET, type Device, type OpenedCredentials, type Platform, type SshCredentials } from '@yardmaster/contracts';
import type { CollectDeviceInput } from '@yardmaster/workflows';
import type { RunLogger } from '../../activities/run-logger';
import type { CollectionDeps } from '../collection-deps';
import { DeviceCollectionError } from '../device-collection-error';
import { deviceObject } from '../device-log';
import type { CliAccess } from './cli-access';
import { collectOverCli, type CollectedOverCli } from './collect-over-cli';
import { candidateAddresses } from '../connection-target/candidate-addresses';
import { roleName } from '../connection-target/address-role';
import { dialFirstReachable } from '../connection-target/dial-first-reachable';
import { isSshUnreachable, sshPortOf } from './ssh-address';

export interface SshCollectionDeps {
  readonly cli: CliAccess | null;
  readonly platformOf: (platformId: string) => Promise<Platform | null>;
  readonly openCredentials: (credentialsRef: string) => Promise<OpenedCredentials>;
}

/**
 * Collects one device over SSH: its platform's network driver picks the commands and templates
 * (`@yardmaster/cli-facts`), one session runs them all and is closed on every way out, a cancel included.
 */
export async function collectOverSsh(deps: SshCollectionDeps, input: CollectDeviceInput, device: Device, logger: RunLogger, activity: Context): Promise<CollectedOverCli> {
  if (!deps.cli) throw new DeviceCollectionError('UNSUPPORTED_PLATFORM', 'This collector was started without SSH collection');
  const object = deviceObject(input.device);
  const platform = device.platformId ? await deps.platformOf(device.platformId) : null;
  const cliPlatform = cliPlatformOf(platform?.networkDriver);
  if (!cliPlatform) {
    const named = platform ? `platform ${platform.name} (network driver ${JSON.stringify(platform.networkDriver)})` : 'no platform';
    throw new DeviceCollectionError('UNSUPPORTED_PLATFORM', `Device ${device.name} has ${named}; SSH collection knows cisco_ios, cisco_nxos, arista_eos and juniper_junos`);
  }
  const candidates = candidateAddresses(device, input.connectionTarget ?? DEFAULT_CONNECTION_TARGET);
  const port = sshPortOf(device);
  const credentialsRef = input.credentialsRef ?? device.management?.credentialsRef ?? null;
  if (!credentialsRef) throw new DeviceCollectionError('NO_CREDENTIALS', `Neither the plan nor device ${device.name} names a credential set`);
  const credentials = sshCredentialsOf(await deps.openCredentials(credentialsRef));
  const cli = deps.cli;
  const { connection: session, address } = await dialFirstReachable(candidates, {
    dial: (candidate) =>
      cli.open({
        deviceId: device.id,
        deviceName: device.name,
        host: candidate.host,
        port,
        platform: cliPlatform.driver,
        credentials,
        signal: activity.cancellationSignal,
        commandTimeoutMs: commandTimeoutOf(activity),
      }),
    unreachable: isSshUnreachable,
    onUnreachable: (candidate, error, next) => {
      logger.warning(`The ${roleName(candidate.role)} ${candidate.host}:${port} did not answer (${(error as Error).message}); trying the ${roleName(next.role)} ${next.host}:${port}`, { object });
    },
  });
  logger.info(`Collecting ${input.collectorTypes.join(', ')} from ${address.host}:${port} (${roleName(address.role)}) over SSH (${cliPlatform.driver}) with credential set ${credentialsRef}`, { object });
  try {
    return await collectOverCli({
      platform: cliPlatform,
      session,
      parse: deps.cli.parse,
      collectorTypes: input.collectorTypes,
      logger,
      object,
      cancelled: () => activity.cancellationSignal.aborted,
    });
  } finally {
    session.close();
  }
}

function sshCredentialsOf(credentials: OpenedCredentials): SshCredentials {
  if (credentials.kind !== 'ssh') throw new DeviceCollectionError('UNSUPPORTED_CREDENTIALS', `Credential set ${credentials.name} is ${credentials.kind}, not ssh`);
  return credentials;
}

/** A command's deadline well inside the plan's device timeout, so a hung command fails as the driver's timeout, not Temporal's. */
function commandTimeoutOf(activity: Context): number {
  return Math.max(1_000, Math.min(30_000, Math.floor(activity.info.startToCloseTimeoutMs / 3)));
}

/** For the collector's wiring: SSH collection's needs from the plan run's deps. */
export function sshCollectionDeps(deps: CollectionDeps, openCredentials: SshCollectionDeps['openCredentials']): SshCollectionDeps {
  return {
    cli: deps.cli ?? null,
    platformOf: async (platformId) => (await deps.inventory.collections.platforms.get(platformId)) as Platform | null,
    openCredentials,
  };
}
