import { YardError } from '@yardmaster/contracts';

/** The YardError `work` fails with; fails the test when it succeeds or fails otherwise. */
export async function failureOf(work: Promise<unknown>): Promise<YardError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof YardError)) throw new Error(`expected a YardError, got ${String(error)}`);
  return error;
}
