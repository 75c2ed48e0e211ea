/**
 * How the person started the CLI, as they would type it again: `npx yard` (npx runs the linked bin), `npm run yard --`
 * (the repository's script), else `yard` (on PATH, as in the Docker image). Every command the CLI suggests
 * (`… login`, `… run --help`) starts with it, so a hint works when pasted. npm tells its child processes the
 * script it runs: for npx the bin's name (quoted), for `npm run` the script's name.
 */
export function programNameFrom(env: NodeJS.ProcessEnv): string {
  if (env.npm_lifecycle_event === 'npx' && env.npm_lifecycle_script?.replace(/^'(.*)'$/, '$1') === 'yard') return 'npx yard';
  if (env.npm_lifecycle_event === 'yard') return 'npm run yard --';
  return 'yard';
}
