import type { ConnectionTarget, Device } from '@yardmaster/contracts';
import { candidateAddresses } from './candidate-addresses';

type Addresses = Pick<Device, 'name' | 'primaryAddress' | 'oobAddress'>;
const BOTH: Addresses = { name: 'edge-01', primaryAddress: '192.0.2.10/24', oobAddress: '2001:db8:ff::10/64' };
const PRIMARY = { role: 'primary', host: '192.0.2.10' };
const OOB = { role: 'oob', host: '2001:db8:ff::10' };

describe('candidateAddresses', () => {
  it.each<[ConnectionTarget, unknown[]]>([
    ['primary', [PRIMARY]],
    ['oob', [OOB]],
    ['primary_then_oob', [PRIMARY, OOB]],
    ['oob_then_primary', [OOB, PRIMARY]],
  ])('%s dials %j, the prefix length dropped', (target, expected) => {
    expect(candidateAddresses(BOTH, target)).toEqual(expected);
  });

  it('gives a fallback target the one address the device has', () => {
    expect(candidateAddresses({ ...BOTH, oobAddress: null }, 'primary_then_oob')).toEqual([PRIMARY]);
    expect(candidateAddresses({ ...BOTH, oobAddress: null }, 'oob_then_primary')).toEqual([PRIMARY]);
    expect(candidateAddresses({ ...BOTH, primaryAddress: null }, 'primary_then_oob')).toEqual([OOB]);
  });

  it('fails a device without the address its target dials with NO_ADDRESS, not retried, saying which', () => {
    expect(() => candidateAddresses({ ...BOTH, primaryAddress: null }, 'primary')).toThrow(
      expect.objectContaining({ code: 'NO_ADDRESS', retryable: false, message: "Device edge-01 has no primary address (the plan's connection target is primary)" }),
    );
    expect(() => candidateAddresses({ ...BOTH, oobAddress: null }, 'oob')).toThrow(
      expect.objectContaining({ code: 'NO_ADDRESS', message: "Device edge-01 has no out-of-band address (the plan's connection target is oob)" }),
    );
    expect(() => candidateAddresses({ name: 'edge-01', primaryAddress: null, oobAddress: null }, 'oob_then_primary')).toThrow(
      expect.objectContaining({ code: 'NO_ADDRESS', message: "Device edge-01 has neither a primary nor an out-of-band address (the plan's connection target is oob_then_primary)" }),
    );
  });
});
