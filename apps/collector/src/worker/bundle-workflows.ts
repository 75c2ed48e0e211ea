/**
 * `npm run build`'s last step: bundles `@yardmaster/workflows` (its compiled `dist/`) with Temporal's bundler into
 * the file the collector's workers load (WORKFLOW_BUNDLE_PATH). Run after `tsc -b`, which it reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { SHARED_WORKFLOW_MODULES, TRACED_WORKFLOW_BUNDLE_PATH, WORKFLOW_BUNDLE_PATH, WORKFLOW_TRACING_INTERCEPTORS_MODULE } from './workflow-bundle';

async function bundle(bundlePath: string, workflowInterceptorModules: string[]): Promise<void> {
  const started = Date.now();
  // The bundler logs its webpack run at INFO; only its problems belong in a build's output.
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('@yardmaster/workflows'),
    workflowInterceptorModules,
    preloadModules: [...SHARED_WORKFLOW_MODULES],
    logger: new DefaultLogger('WARN'),
    // Memory (README, "Memory"): every worker keeps the bundle's text and its parsed source map in the collector's heap,
    // and its workflow thread builds a source map consumer over it. The SDK needs the map inline, but not the sources
    // it embeds by default (1.7 MB, mostly zod) nor column mappings: stack traces still name each file and line.
    // The code itself is unchanged, so replay is unaffected.
    webpackConfigHook: (config) => ({ ...config, devtool: 'inline-nosources-cheap-module-source-map' }),
  });
  mkdirSync(path.dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, code);
  const kilobytes = Math.round(Buffer.byteLength(code) / 1024);
  process.stdout.write(`Bundled the workflows into ${path.relative(process.cwd(), bundlePath)} (${kilobytes} kB, ${Date.now() - started} ms)\n`);
}

async function main(): Promise<void> {
  await bundle(WORKFLOW_BUNDLE_PATH, []);
  await bundle(TRACED_WORKFLOW_BUNDLE_PATH, [require.resolve(WORKFLOW_TRACING_INTERCEPTORS_MODULE)]);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not bundle the workflows: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
