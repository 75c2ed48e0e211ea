import type { CandidateAddress } from './address-role';
import { dialFirstReachable, NoAddressAnswered } from './dial-first-reachable';

const PRIMARY: CandidateAddress = { role: 'primary', host: '192.0.2.10' };
const OOB: CandidateAddress = { role: 'oob', host: '198.51.100.10' };

class Unreachable extends Error {
  readonly code = 'TIMEOUT';
}

/** A dialler whose addresses answer, refuse to be reached, or fail otherwise, and which records what it dialled. */
function dialler(outcomes: Record<string, 'answers' | 'unreachable' | 'auth-failure'>) {
  const dialled: string[] = [];
  const skipped: string[] = [];
  const options = {
    dial: async (address: CandidateAddress) => {
      dialled.push(address.host);
      const outcome = outcomes[address.host];
      if (outcome === 'unreachable') throw new Unreachable(`no answer from ${address.host}`);
      if (outcome === 'auth-failure') throw new Error('authentication failed');
      return `connection to ${address.host}`;
    },
    unreachable: (error: unknown) => error instanceof Unreachable,
    onUnreachable: (address: CandidateAddress, _error: unknown, next: CandidateAddress) => skipped.push(`${address.role} -> ${next.role}`),
  };
  return { options, dialled, skipped };
}

describe('dialFirstReachable', () => {
  it('answers the first address that answers, and dials no further', async () => {
    const { options, dialled, skipped } = dialler({ [PRIMARY.host]: 'answers', [OOB.host]: 'answers' });
    await expect(dialFirstReachable([PRIMARY, OOB], options)).resolves.toEqual({ connection: `connection to ${PRIMARY.host}`, address: PRIMARY });
    expect(dialled).toEqual([PRIMARY.host]);
    expect(skipped).toEqual([]);
  });

  it('dials the next address when one cannot be reached, and says so before', async () => {
    const { options, dialled, skipped } = dialler({ [PRIMARY.host]: 'unreachable', [OOB.host]: 'answers' });
    await expect(dialFirstReachable([PRIMARY, OOB], options)).resolves.toEqual({ connection: `connection to ${OOB.host}`, address: OOB });
    expect(dialled).toEqual([PRIMARY.host, OOB.host]);
    expect(skipped).toEqual(['primary -> oob']);
  });

  it('does not fall back after a failure that is not a reachability one (an authentication failure)', async () => {
    const { options, dialled } = dialler({ [PRIMARY.host]: 'auth-failure', [OOB.host]: 'answers' });
    await expect(dialFirstReachable([PRIMARY, OOB], options)).rejects.toThrow('authentication failed');
    expect(dialled).toEqual([PRIMARY.host]);
  });

  it('throws a single address failure as it came', async () => {
    const { options } = dialler({ [PRIMARY.host]: 'unreachable' });
    await expect(dialFirstReachable([PRIMARY], options)).rejects.toBeInstanceOf(Unreachable);
  });

  it('throws NoAddressAnswered naming every address tried when none answers', async () => {
    const { options } = dialler({ [PRIMARY.host]: 'unreachable', [OOB.host]: 'unreachable' });
    const failure = await dialFirstReachable([OOB, PRIMARY], options).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NoAddressAnswered);
    expect((failure as NoAddressAnswered).message).toBe(
      `No address of the device answered: out-of-band address ${OOB.host} (TIMEOUT: no answer from ${OOB.host}); primary address ${PRIMARY.host} (TIMEOUT: no answer from ${PRIMARY.host})`,
    );
    expect((failure as NoAddressAnswered).lastError).toEqual(new Unreachable(`no answer from ${PRIMARY.host}`));
  });
});
