import { ErrorCode, YardError } from '@yardmaster/contracts';
import { readInstalledFilter } from './installed-filter';

function catching(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('readInstalledFilter', () => {
  it('reads true and false, and no filter when left out', () => {
    expect(readInstalledFilter('true')).toBe(true);
    expect(readInstalledFilter('false')).toBe(false);
    expect(readInstalledFilter(undefined)).toBeUndefined();
  });

  it.each([['anything'], ['TRUE'], ['1'], [''], [['true', 'false']]])('refuses %j instead of reading it as false', (raw) => {
    const refusal = catching(() => readInstalledFilter(raw));

    expect(refusal).toBeInstanceOf(YardError);
    expect(refusal).toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'installed', message: 'must be true or false' }] });
  });
});
