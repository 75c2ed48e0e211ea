import * as path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const WORKFLOWS_SRC = path.resolve(__dirname, '../index.ts');
const CONTRACTS_SRC = path.resolve(__dirname, '../../../contracts/src/index.ts');
const WORKFLOW_CONTRACTS_SRC = path.resolve(__dirname, '../../../contracts/src/workflow-contracts.ts');

/**
 * The workflows bundled from their source, contracts included, as the tests see the code: not whatever `dist/`
 * was built last, which is what the collector's build-time bundle holds. `workflowInterceptorModules`: as the
 * collector's traced bundle adds them.
 */
export function bundleWorkflowsFromSource(workflowInterceptorModules: string[] = []): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_SRC,
    workflowInterceptorModules,
    logger: new DefaultLogger('ERROR'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), '@yardmaster/contracts$': CONTRACTS_SRC, '@yardmaster/contracts/workflow$': WORKFLOW_CONTRACTS_SRC } },
    }),
  });
}
