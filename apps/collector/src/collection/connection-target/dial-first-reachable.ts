import { roleName, type CandidateAddress } from './address-role';

export interface DialOptions<T> {
  /** Connects to one address (and, for a connectionless protocol, proves that something answers there). */
  readonly dial: (address: CandidateAddress) => Promise<T>;
  /**
   * Whether a failure says the address cannot be reached (refused, timed out, no answer), so the next may be tried.
   * An authentication failure or an answer that could not be used is the device's own: it fails the device.
   */
  readonly unreachable: (error: unknown) => boolean;
  /** Before the next address is dialled: the device's log says which did not answer and which comes next. */
  readonly onUnreachable?: (address: CandidateAddress, error: unknown, next: CandidateAddress) => void;
}

export interface Dialled<T> {
  readonly connection: T;
  /** The address that answered. */
  readonly address: CandidateAddress;
}

/** Every candidate address of a device was dialled and none answered: each with its failure, in the order tried. */
export class NoAddressAnswered extends Error {
  override readonly name = 'NoAddressAnswered';

  constructor(readonly failures: ReadonlyArray<{ readonly address: CandidateAddress; readonly error: unknown }>) {
    super(`No address of the device answered: ${failures.map(({ address, error }) => `${roleName(address.role)} ${address.host} (${messageOf(error)})`).join('; ')}`);
  }

  /** The last address's failure: what a retry of the device would meet first. */
  get lastError(): unknown {
    return this.failures[this.failures.length - 1]?.error;
  }
}

/**
 * Dials `candidates` in order (from `candidateAddresses`) and answers the first connection made. A failure that is
 * not a reachability one ends the dialling with that failure; when no candidate answers, a single candidate's
 * failure is thrown as it came, several as NoAddressAnswered.
 */
export async function dialFirstReachable<T>(candidates: readonly CandidateAddress[], options: DialOptions<T>): Promise<Dialled<T>> {
  if (candidates.length === 0) throw new Error('dialFirstReachable needs at least one candidate address');
  const failures: Array<{ address: CandidateAddress; error: unknown }> = [];
  for (const [index, address] of candidates.entries()) {
    try {
      return { connection: await options.dial(address), address };
    } catch (error) {
      if (!options.unreachable(error)) throw error;
      failures.push({ address, error });
      const next = candidates[index + 1];
      if (next) options.onUnreachable?.(address, error, next);
    }
  }
  if (failures.length === 1) throw failures[0]?.error;
  throw new NoAddressAnswered(failures);
}

function messageOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}
