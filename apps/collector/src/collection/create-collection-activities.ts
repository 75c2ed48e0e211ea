import type { CollectionActivities } from '@yardmaster/workflows';
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
    closeFactsReport: createCloseFactsReport(deps),
  };
}
