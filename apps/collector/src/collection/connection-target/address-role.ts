/** Which of a device's addresses a candidate is: `primaryAddress` or `oobAddress`. */
export type AddressRole = 'primary' | 'oob';

/** An address a device may be dialled on: which of its addresses it is, and the host (the prefix length dropped). */
export interface CandidateAddress {
  readonly role: AddressRole;
  readonly host: string;
}

/** `primary address`, `out-of-band address`: how log lines and errors name a candidate. */
export function roleName(role: AddressRole): string {
  return role === 'primary' ? 'primary address' : 'out-of-band address';
}
