import type { StoredCollectionPlan } from '@yardmaster/inventory';
import type { JobRunRecord } from '@yardmaster/read-models';
import { collectionPlanView } from './collection-plan.view';

const PLAN = {
  id: '0f5a3c1e-8d2b-4c6e-9a7f-1b2c3d4e5f60',
  name: 'Core',
  lastRunId: '11111111-1111-4111-8111-111111111111',
  scheduleId: 'sch-1',
} as StoredCollectionPlan;

const SCHEDULED_RUN = { id: '22222222-2222-4222-8222-222222222222', status: 'running', error: null, cancelledBy: null } as unknown as JobRunRecord;

describe('collectionPlanView', () => {
  it("shows the plan's newest run, a scheduled one included, and its status", () => {
    expect(collectionPlanView(PLAN, { id: SCHEDULED_RUN.id, record: SCHEDULED_RUN })).toMatchObject({ lastRunId: SCHEDULED_RUN.id, status: 'working', scheduleId: 'sch-1' });
  });

  it('reads a run the read model does not hold yet as queued, and no run as new', () => {
    expect(collectionPlanView(PLAN, { id: PLAN.lastRunId!, record: null })).toMatchObject({ lastRunId: PLAN.lastRunId, status: 'queued' });
    expect(collectionPlanView({ ...PLAN, lastRunId: null }, null)).toMatchObject({ lastRunId: null, status: 'new' });
  });
});
