/** One prefixed line per message, so the launcher's voice stands out from the services' logs. */
export function say(message) {
  process.stdout.write(`[yard] ${message}\n`);
}

/** A dependency the launcher cannot provide: one clear line saying what is missing and how to provide it. */
export class MissingDependency extends Error {
  constructor(message) {
    super(message);
    this.name = 'MissingDependency';
  }
}

/** What to print for an error that ends a command: the message for the ones meant for people, else the stack. */
export function explain(error) {
  return error instanceof MissingDependency || error?.name === 'ConfigError' ? error.message : error?.stack ?? String(error);
}
