import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { SHARED_STACK_VARIABLE, YardmasterStack } from './yardmaster-stack';

/** Where `shared-stack-teardown.ts` finds the stack: globalSetup and globalTeardown share the main process. */
export const SHARED_STACK_GLOBAL = '__yardmasterSharedStack';

/**
 * The e2e project's `globalSetup`: starts one stack for every selected file that calls `YardmasterStack.shared()`
 * and hands it to them through the environment (Jest's workers inherit it). A run that selects none of those files
 * (one file of its own, say) starts nothing.
 */
export default async function startSharedStack(globalConfig: Config.GlobalConfig, projectConfig: Config.ProjectConfig): Promise<void> {
  if (!selectedFiles(globalConfig, projectConfig).some(usesSharedStack)) return;
  const stack = await YardmasterStack.start();
  (globalThis as Record<string, unknown>)[SHARED_STACK_GLOBAL] = stack;
  process.env[SHARED_STACK_VARIABLE] = stack.handOver();
}

/** The e2e files this run's path patterns select (every file when there are none). */
function selectedFiles(globalConfig: Config.GlobalConfig, projectConfig: Config.ProjectConfig): string[] {
  const folder = join(projectConfig.rootDir, 'test');
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.e2e-spec.ts'))
    .map((name) => join(folder, name));
  const patterns = globalConfig.testPathPatterns;
  if (!patterns.isSet()) return files;
  const executor = patterns.toExecutor({ rootDir: globalConfig.rootDir });
  return files.filter((file) => executor.isMatch(file));
}

function usesSharedStack(file: string): boolean {
  return readFileSync(file, 'utf8').includes('YardmasterStack.shared()');
}
