#!/usr/bin/env node
// `yard` as npm links it (node_modules/.bin/yard, `npx yard`). It is committed, so it exists from the clone on:
// npm links it at install time, before anything is built, and npx finds it instead of looking up the
// unrelated registry package named `yard`. It runs the built CLI, or says in one line how to build it.
'use strict';
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

/** ExitCode.NotBuilt in apps/cli/src/exit-codes.ts (this file cannot import it: it runs before any build). */
const EXIT_NOT_BUILT = 12;

const builtCli = join(__dirname, '..', 'dist', 'main.js');
if (existsSync(builtCli)) {
  require(builtCli).runFromProcess();
} else {
  const repository = resolve(__dirname, '..', '..', '..');
  process.stderr.write(`yard: the CLI is not built yet: run \`npm run build\` (or \`npm start\`) in ${repository}, then try again.\n`);
  process.exitCode = EXIT_NOT_BUILT;
}
