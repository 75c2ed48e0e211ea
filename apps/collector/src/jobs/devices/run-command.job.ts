import { cliPlatformOf, type ParsedRecord } from '@yardmaster/cli-facts';
import type { ConnectionTarget, Device, OpenedCredentials, Platform } from '@yardmaster/contracts';
import { choiceVar, Job, multiObjectVar, stringVar, type JobContext, type JobData, type JobModule } from '@yardmaster/job-sdk';
import type { CliAccess } from '../../collection/cli/cli-access';
import { isSshUnreachable, sshPortOf } from '../../collection/cli/ssh-address';
import { candidateAddresses } from '../../collection/connection-target/candidate-addresses';
import { dialFirstReachable } from '../../collection/connection-target/dial-first-reachable';
import { planCollects } from '../../collection/plan-devices';

/** `show` and its abbreviations only: the job reads, it never changes a device. */
export const READ_ONLY_COMMAND = '^\\s*sh(o(w)?)?\\s+\\S.*$';

const variables = {
  command: stringVar({ label: 'Command', description: 'A show command, e.g. "show version"; parsed when ntc-templates has a template for it', required: true, maxLength: 200, regex: READ_ONLY_COMMAND }),
  // Any of the four selects (at least one, checked when the run starts): none is required on its own.
  devices: multiObjectVar({ label: 'Devices', model: 'device', required: false }),
  sites: multiObjectVar({ label: 'Sites', model: 'site', required: false }),
  roles: multiObjectVar({ label: 'Roles', model: 'device_role', required: false }),
  platforms: multiObjectVar({ label: 'Platforms', model: 'platform', required: false }),
  credentials: stringVar({ label: 'Credential set', description: "An ssh credential set's name; empty: each device's own", maxLength: 100, required: false }),
  connectionTarget: choiceVar({
    label: 'Connection target',
    description: 'Which of each device\'s addresses to dial, as a collection plan does',
    choices: [
      ['primary', 'Primary address'],
      ['oob', 'Out-of-band address'],
      ['primary_then_oob', 'Primary, then out-of-band'],
      ['oob_then_primary', 'Out-of-band, then primary'],
    ] as const,
    default: 'primary',
  }),
};

/** What the job needs beyond a job's context: SSH sessions, the parser, and the vault. */
export interface RunCommandDeps {
  readonly cli: CliAccess;
  /** Whether the platform's index names a template for the command (else the raw text is the result). */
  readonly hasTemplate: (platform: string, command: string) => boolean;
  readonly openCredentials: (credentialsRef: string) => Promise<OpenedCredentials>;
}

/** One device's answer: the parsed records when a template exists, the raw text otherwise, or why it failed. */
export type DeviceAnswer =
  | { readonly device: string; readonly parsed: readonly ParsedRecord[] }
  | { readonly device: string; readonly output: string }
  | { readonly device: string; readonly error: string }
  /** The answer was logged but left out of the result, which had reached RESULT_BUDGET_CHARS. */
  | { readonly device: string; readonly inLogOnly: true };

/**
 * The result travels through Temporal's history (2 MB a payload) and the read model: answers beyond this many
 * characters of JSON stay in the log only. The log takes any length, in entries of at most LOG_CHUNK_CHARS.
 */
export const RESULT_BUDGET_CHARS = 512 * 1024;
export const LOG_CHUNK_CHARS = 32 * 1024;

/** The page size the job reads the inventory's devices with. */
const PAGE = 1000;

/**
 * `devices.RunCommand`: runs one show command on every device the selection names (devices, or sites, roles and
 * platforms: AND across kinds, OR within one), one SSH session per device, one device at a time. Each device's
 * answer is logged about that device and returned: parsed by ntc-templates when a template exists for the
 * platform and command, the raw text otherwise. A device that cannot be asked is a failure in the log and in
 * the result; the others go on.
 */
export function devicesJobModule(deps: RunCommandDeps): JobModule {
  class RunCommand extends Job<typeof variables> {
    static override readonly meta = {
      name: 'Run a command',
      description: 'Runs one show command on the selected devices over SSH and returns each answer, parsed when a template exists.',
      readOnly: true,
    } as const;
    static override readonly variables = variables;

    async run(data: JobData<typeof variables>, context: JobContext): Promise<{ command: string; answers: DeviceAnswer[] }> {
      const command = data.command.trim();
      const devices = await selectedDevices(data, context);
      if (devices.length === 0) throw new Error('No device matches the selection: give devices, sites, roles or platforms');
      context.logger.info(`Running "${command}" on ${devices.length} device${devices.length === 1 ? '' : 's'}`);
      const answers: DeviceAnswer[] = [];
      let resultChars = 0;
      for (const [index, device] of devices.entries()) {
        if (context.signal.aborted) throw new Error('Cancelled');
        const answer = await answerOf(device, command, { credentialsRef: data.credentials || null, target: data.connectionTarget }, context);
        resultChars += JSON.stringify(answer).length;
        answers.push(resultChars <= RESULT_BUDGET_CHARS ? answer : { device: answer.device, inLogOnly: true });
        context.progress({ total: devices.length, done: index + 1, failed: answers.filter((answer) => 'error' in answer).length });
      }
      return { command, answers };
    }
  }

  async function answerOf(device: Device, command: string, how: { credentialsRef: string | null; target: ConnectionTarget }, context: JobContext): Promise<DeviceAnswer> {
    // Each device's entries in a group of their own, as a plan run groups its devices'.
    const about = { object: { type: 'device', id: device.id, display: device.name, url: `/api/inventory/devices/${device.id}` }, grouping: device.name };
    try {
      const platform = device.platformId ? ((await context.inventory.platforms.get(device.platformId)) as Platform | null) : null;
      const driver = cliPlatformOf(platform?.networkDriver)?.driver;
      if (!driver) throw new Error(`its platform ${platform ? `${platform.name} (${JSON.stringify(platform.networkDriver)})` : '(none)'} is not one SSH knows`);
      const ref = how.credentialsRef ?? device.management?.credentialsRef ?? null;
      if (!ref) throw new Error('no credential set: give one, or set the device\'s management credentials');
      const credentials = await deps.openCredentials(ref);
      if (credentials.kind !== 'ssh') throw new Error(`credential set ${credentials.name} is ${credentials.kind}, not ssh`);
      const port = sshPortOf(device);
      const { connection: session } = await dialFirstReachable(candidateAddresses(device, how.target), {
        dial: (candidate) => deps.cli.open({ deviceId: device.id, deviceName: device.name, host: candidate.host, port, platform: driver, credentials, signal: context.signal, commandTimeoutMs: 30_000 }),
        unreachable: isSshUnreachable,
      });
      let output: string;
      try {
        output = await session.run(command);
      } finally {
        session.close();
      }
      for (const chunk of chunksOf(output, LOG_CHUNK_CHARS)) context.logger.info(`${device.name}: ${command}\n${chunk}`, about);
      if (!deps.hasTemplate(driver, command)) return { device: device.name, output };
      try {
        const parsed = await deps.cli.parse(driver, command, output);
        context.logger.success(`${device.name}: ${parsed.length} record${parsed.length === 1 ? '' : 's'} parsed`, about);
        return { device: device.name, parsed };
      } catch (error) {
        context.logger.warning(`${device.name}: the answer could not be parsed (${messageOf(error)}); the raw text is the result`, about);
        return { device: device.name, output };
      }
    } catch (error) {
      context.logger.failure(`${device.name}: ${messageOf(error)}`, about);
      return { device: device.name, error: messageOf(error) };
    }
  }

  return { name: 'devices', grouping: 'Devices', jobs: [RunCommand] };
}

/** The selected devices, in name order: the named ones, and those matching the sites, roles and platforms given. */
async function selectedDevices(data: JobData<typeof variables>, context: JobContext): Promise<Device[]> {
  const filter = {
    devices: (data.devices ?? []).map((device) => device.id),
    sites: (data.sites ?? []).map((site) => site.id),
    roles: (data.roles ?? []).map((role) => role.id),
    platforms: (data.platforms ?? []).map((platform) => platform.id),
  };
  if (Object.values(filter).every((ids) => ids.length === 0)) return [];
  const selected: Device[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await context.inventory.devices.find({}, { limit: PAGE, offset });
    selected.push(...(page.items as Device[]).filter((device) => planCollects(device, filter)));
    if (page.items.length < PAGE) break;
  }
  return selected;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The text in pieces of at most `size` characters, cut at line ends where a line allows it. */
export function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const lineEnd = rest.lastIndexOf('\n', size);
    const cut = lineEnd > 0 ? lineEnd + 1 : size;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  chunks.push(rest);
  return chunks;
}
