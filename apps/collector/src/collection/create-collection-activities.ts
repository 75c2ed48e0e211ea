import type { CollectionActivities } from '@yardmaster/workflows';
import { createApplyFactsReport } from './apply-facts-report.activity';
import { createCloseFactsReport, createReportDeviceFailed } from './close-facts-report.activity';
import type { CollectionDeps } from './collection-deps';
import { createCollectDevice } from './collect-device.activity';
import { createOpenFactsReport } from './open-facts-report.activity';

/** The activities of plan runs (`collection.CollectFacts`), registered beside the run activities. */
export function createCollectionActivities(deps: CollectionDeps): CollectionActivities {
  return {
    openFactsReport: createOpenFactsReport(deps),
    collectDevice: createCollectDevice(deps),
    reportDeviceFailed: createReportDeviceFailed(deps),
    applyFactsReport: createApplyFactsReport(deps),
    closeFactsReport: createCloseFactsReport(deps),
  };
}
