import type { RunStatus } from '@yardmaster/contracts';
import { isBusy, planStatusOf } from './plan-status';

const ended = (status: RunStatus, extra: { errorType?: string; cancelledBy?: string } = {}) => ({
  status,
  error: extra.errorType ? { message: 'x', type: extra.errorType, step: null } : null,
  cancelledBy: extra.cancelledBy ?? null,
});

describe('planStatusOf', () => {
  it("maps the last run's status as PLAN_STATUSES says", () => {
    expect(planStatusOf(null)).toBe('new');
    expect(planStatusOf('unprojected')).toBe('queued');
    expect((['pending', 'scheduled', 'queued'] as const).map((status) => planStatusOf(ended(status)))).toEqual(['queued', 'queued', 'queued']);
    expect(planStatusOf(ended('running'))).toBe('working');
    expect(planStatusOf(ended('completed'))).toBe('completed');
    expect((['failed', 'errored', 'timed_out', 'cancelled'] as const).map((status) => planStatusOf(ended(status)))).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(planStatusOf(ended('cancelled', { cancelledBy: 'ann' }))).toBe('failed');
  });

  it("reads stalled from the reconciler's corrections of a run whose workflow is gone", () => {
    expect(planStatusOf(ended('errored', { errorType: 'WorkflowMissing' }))).toBe('stalled');
    expect(planStatusOf(ended('cancelled', { cancelledBy: 'temporal' }))).toBe('stalled');
    expect(planStatusOf(ended('errored', { errorType: 'WorkflowFailed' }))).toBe('failed');
  });

  it('is busy while queued or working only', () => {
    expect(['new', 'queued', 'working', 'completed', 'failed', 'stalled'].filter((status) => isBusy(status as never))).toEqual(['queued', 'working']);
  });
});
