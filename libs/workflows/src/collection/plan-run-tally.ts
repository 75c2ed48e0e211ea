import type { CollectFactsResult, FailedDevice } from '@yardmaster/contracts';
import type { DeviceEntryCounts, PlanDevice } from './collection-activities';
import type { DeviceFailure } from './failure-code';

/** What a plan run has collected so far: its progress while it runs, its result when it ends. */
export class PlanRunTally {
  private collected = 0;
  private readonly failed: FailedDevice[] = [];
  private readonly entries = { new: 0, changed: 0, confirmed: 0, stale: 0 };

  constructor(
    private readonly reportId: string,
    private readonly devices: number,
  ) {}

  deviceCollected(counts: DeviceEntryCounts): void {
    this.collected += 1;
    this.entries.new += counts.new;
    this.entries.changed += counts.changed;
    this.entries.confirmed += counts.confirmed;
    this.entries.stale += counts.stale;
  }

  deviceFailed(device: PlanDevice, failure: DeviceFailure): void {
    this.failed.push({ id: device.id, name: device.name, code: failure.code, message: failure.message });
  }

  get failedCount(): number {
    return this.failed.length;
  }

  get collectedCount(): number {
    return this.collected;
  }

  get entryCount(): number {
    return this.entries.new + this.entries.changed + this.entries.confirmed + this.entries.stale;
  }

  /** `run.progress`'s data: every device that has ended, collected or failed, is done. */
  progress(): { total: number; done: number; failed: number } {
    return { total: this.devices, done: this.collected + this.failed.length, failed: this.failed.length };
  }

  result(): CollectFactsResult {
    return {
      reportId: this.reportId,
      devices: this.devices,
      collected: this.collected,
      failed: this.failed.length,
      failedDevices: [...this.failed],
      entries: { ...this.entries },
    };
  }
}
