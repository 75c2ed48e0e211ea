import { ErrorCode, YardError } from '@yardmaster/contracts';
import { devicesToRerun, type EarlierRun } from './devices-to-rerun';

const RUN_ID = '5b0c3a2e-93c4-4a8e-9d43-0d8a0f1b2c3d';

function result(failedDevices: unknown[]) {
  return { reportId: RUN_ID, devices: 3, collected: 3 - failedDevices.length, failed: failedDevices.length, failedDevices, entries: { new: 0, changed: 0, confirmed: 0, stale: 0 } };
}

function refusal(run: EarlierRun): YardError {
  try {
    devicesToRerun(run);
  } catch (error) {
    if (error instanceof YardError) return error;
    throw error;
  }
  throw new Error('devices were found');
}

describe('devicesToRerun', () => {
  it("answers the ids of the run's failed devices, each once", () => {
    const failed = [
      { id: 'd-1', name: 'sw1', code: 'SNMP_TIMEOUT', message: 'no answer' },
      { id: 'd-2', name: 'sw2', code: 'SNMP_AUTH', message: 'refused' },
      { id: 'd-1', name: 'sw1', code: 'SNMP_TIMEOUT', message: 'no answer' },
    ];
    expect(devicesToRerun({ id: RUN_ID, status: 'failed', result: result(failed) as never })).toEqual(['d-1', 'd-2']);
  });

  it('refuses a run in which no device failed, one still going and one without a report, each saying why', () => {
    expect(refusal({ id: RUN_ID, status: 'completed', result: result([]) as never })).toMatchObject({ code: ErrorCode.NoDevicesToRerun, message: `No device failed in run ${RUN_ID}: there is nothing to collect again` });
    expect(refusal({ id: RUN_ID, status: 'running', result: null })).toMatchObject({ code: ErrorCode.NoDevicesToRerun, message: expect.stringMatching(/has not ended \(it is running\)/) });
    expect(refusal({ id: RUN_ID, status: 'errored', result: null })).toMatchObject({ code: ErrorCode.NoDevicesToRerun, message: expect.stringMatching(/ended errored without a report/) });
    expect(refusal({ id: RUN_ID, status: 'failed', result: { failedDevices: [{ name: 'no id' }] } })).toMatchObject({ code: ErrorCode.NoDevicesToRerun });
  });
});
