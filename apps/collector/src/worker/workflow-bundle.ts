import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The workflow code the collector's workers run, bundled once by `npm run build` (see bundle-workflows.ts) rather
 * than by webpack at every start: the start is faster, and every collector built from one commit runs the same bytes.
 * Beside `main.js` in `dist/`, so the image and a local build find it alike.
 */
export const WORKFLOW_BUNDLE_PATH = path.resolve(__dirname, '..', 'workflows.bundle.js');

/**
 * The same workflow code with OpenTelemetry's workflow interceptors, loaded only when tracing is on: with tracing
 * off the workers run the bundle above, the same code as before tracing existed.
 */
export const TRACED_WORKFLOW_BUNDLE_PATH = path.resolve(__dirname, '..', 'workflows-traced.bundle.js');

/** The interceptors the traced bundle includes: they carry a run's trace from its workflow into its activities. */
export const WORKFLOW_TRACING_INTERCEPTORS_MODULE = '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors';

/**
 * Modules evaluated once per worker instead of once per workflow. Temporal gives every workflow a module cache of its
 * own, so without this each run's first workflow task evaluated the contracts again (when the workflows took them
 * from the package's index, that built every zod schema: about 45 ms of CPU per run on a 2-core machine). The
 * workflows now take their values from `@yardmaster/contracts/workflow`, which loads no schema, so zod is not in the
 * bundle at all; the entry point stays shared. Safe because it holds no per-workflow state: constants and pure
 * functions; Temporal deep-freezes what it shares, so a workflow that tried to change one would fail loudly.
 */
export const SHARED_WORKFLOW_MODULES: readonly string[] = ['@yardmaster/contracts/workflow'];

/** sysexits' EX_NOINPUT: a file the program needs is not there. */
export const EXIT_WORKFLOW_BUNDLE_MISSING = 66;

/** The one line a collector prints when it cannot start for want of its bundle, or null when the bundle is there. */
export function missingWorkflowBundleLine(bundlePath: string = WORKFLOW_BUNDLE_PATH): string | null {
  if (existsSync(bundlePath)) return null;
  return `yardmaster collector: cannot start: the workflow bundle ${bundlePath} is missing. Build it with npm run build.`;
}
