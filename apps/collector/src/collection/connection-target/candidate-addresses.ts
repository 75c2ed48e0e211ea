import type { ConnectionTarget, Device } from '@yardmaster/contracts';
import { DeviceCollectionError } from '../device-collection-error';
import { roleName, type AddressRole, type CandidateAddress } from './address-role';

const ORDER: Readonly<Record<ConnectionTarget, readonly AddressRole[]>> = {
  primary: ['primary'],
  oob: ['oob'],
  primary_then_oob: ['primary', 'oob'],
  oob_then_primary: ['oob', 'primary'],
};

const FIELD: Readonly<Record<AddressRole, 'primaryAddress' | 'oobAddress'>> = { primary: 'primaryAddress', oob: 'oobAddress' };

/**
 * The addresses a plan with `target` dials a device on, in order: a fallback target gives both when the device has
 * both, and the one it has otherwise. The same for every protocol (the port is the protocol's business); a device
 * left with none fails alone with NO_ADDRESS, never retried.
 */
export function candidateAddresses(device: Pick<Device, 'name' | 'primaryAddress' | 'oobAddress'>, target: ConnectionTarget): CandidateAddress[] {
  const roles = ORDER[target];
  const candidates = roles.flatMap((role) => {
    const host = hostOf(device[FIELD[role]]);
    return host ? [{ role, host }] : [];
  });
  if (candidates.length > 0) return candidates;
  const missing = roles.length === 1 ? `no ${roleName(roles[0] as AddressRole)}` : 'neither a primary nor an out-of-band address';
  throw new DeviceCollectionError('NO_ADDRESS', `Device ${device.name} has ${missing} (the plan's connection target is ${target})`);
}

/** `192.0.2.10/24` → `192.0.2.10`; null or a value without a host part → null. */
function hostOf(address: string | null | undefined): string | null {
  const host = address?.split('/')[0]?.trim();
  return host ? host : null;
}
