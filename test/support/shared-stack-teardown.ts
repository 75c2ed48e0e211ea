import { SHARED_STACK_GLOBAL } from './shared-stack-setup';
import type { YardmasterStack } from './yardmaster-stack';

/** The e2e project's `globalTeardown`: stops the stack `shared-stack-setup.ts` started, if it started one. */
export default async function stopSharedStack(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>)[SHARED_STACK_GLOBAL] as YardmasterStack | undefined;
  if (!stack) return;
  delete (globalThis as Record<string, unknown>)[SHARED_STACK_GLOBAL];
  await stack.stop();
}
