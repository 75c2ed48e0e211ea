import { booleanVar, Job, stringVar, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  device: stringVar({ label: 'Device', description: 'Name of the device to audit', default: 'edge-01', regex: '[A-Za-z0-9._-]+' }),
  expectDescriptions: booleanVar({ label: 'Expect descriptions', description: 'Report interfaces without a description', default: true }),
};

/** Shows the step model: `run` gathers, each `test_*` checks, `post_run` cleans up whatever happened. */
export class InterfaceAudit extends Job<typeof variables> {
  static override readonly meta = {
    name: 'Interface audit',
    description: 'Audits a (simulated) device: run, two test steps, and post_run cleanup.',
  };
  static override readonly variables = variables;

  run(data: JobData<typeof variables>, context: JobContext) {
    const interfaces = [
      { name: 'Gi0/1', description: 'uplink to core', mtu: 9000 },
      { name: 'Gi0/2', description: '', mtu: 1500 },
    ];
    context.logger.info(`Collected ${interfaces.length} interfaces from ${data.device}`, {
      object: { type: 'device', id: data.device, display: data.device },
    });
    return { device: data.device, interfaces, expectDescriptions: data.expectDescriptions };
  }

  test_mtu(_data: JobData<typeof variables>, context: JobContext) {
    const result = context.runResult as { interfaces: Array<{ name: string; mtu: number }> };
    for (const iface of result.interfaces) {
      if (iface.mtu >= 1500) context.logger.success(`${iface.name} MTU ${iface.mtu} is fine`);
      else context.logger.failure(`${iface.name} MTU ${iface.mtu} is below 1500`);
    }
  }

  test_descriptions(data: JobData<typeof variables>, context: JobContext) {
    const result = context.runResult as { interfaces: Array<{ name: string; description: string }> };
    for (const iface of result.interfaces) {
      if (iface.description) context.logger.success(`${iface.name} is described as "${iface.description}"`);
      else if (data.expectDescriptions) context.logger.warning(`${iface.name} has no description`);
    }
  }

  override post_run(data: JobData<typeof variables>, context: JobContext) {
    context.logger.info(`Closed the session to ${data.device}`);
  }
}
