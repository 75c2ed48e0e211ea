import { slotKey, type ConcurrencyRule } from '@yardmaster/contracts';
import { concurrencyScopeOf } from './concurrency-scope';

const perDevice: ConcurrencyRule = { mode: 'singleton', keyVariables: ['device'] };
const perSiteAndDevice: ConcurrencyRule = { mode: 'limit', maxRuns: 2, keyVariables: ['site', 'device'] };
const wholeJob: ConcurrencyRule = { mode: 'limit', maxRuns: 2, keyVariables: [] };

/** NATS KV keys: dot-separated tokens of these characters, no empty token (so no leading, trailing or double dot). */
const KV_KEY = /^[-/=\w]+(\.[-/=\w]+)*$/;

describe('concurrencyScopeOf', () => {
  it('gives runs with the same key values the same scope, whatever their other data and its order', () => {
    const first = concurrencyScopeOf('examples.DeviceBackup', perDevice, { device: 'edge-01', seconds: 5 });
    const second = concurrencyScopeOf('examples.DeviceBackup', perDevice, { seconds: 600, device: 'edge-01' });
    expect(second).toBe(first);
    expect(concurrencyScopeOf('examples.Sweep', perSiteAndDevice, { device: 'd', site: 's', x: 1 })).toBe(
      concurrencyScopeOf('examples.Sweep', perSiteAndDevice, { site: 's', device: 'd', x: 2 }),
    );
  });

  it('gives runs with other key values other scopes', () => {
    const scopes = [
      concurrencyScopeOf('examples.DeviceBackup', perDevice, { device: 'edge-01' }),
      concurrencyScopeOf('examples.DeviceBackup', perDevice, { device: 'edge-02' }),
      concurrencyScopeOf('examples.DeviceBackup', perDevice, { device: 'EDGE-01' }),
      concurrencyScopeOf('examples.DeviceBackup', perDevice, {}),
      // A string and a number that print alike are different values.
      concurrencyScopeOf('examples.DeviceBackup', perDevice, { device: 1 }),
      concurrencyScopeOf('examples.DeviceBackup', perDevice, { device: '1' }),
    ];
    expect(new Set(scopes).size).toBe(scopes.length);
    // Values are not confused across key variables.
    expect(concurrencyScopeOf('examples.Sweep', perSiteAndDevice, { site: 'a', device: 'b' })).not.toBe(
      concurrencyScopeOf('examples.Sweep', perSiteAndDevice, { site: 'b', device: 'a' }),
    );
  });

  it('gives every run of a job one scope when the rule has no key variables', () => {
    expect(concurrencyScopeOf('examples.ConfigSweep', wholeJob, { seconds: 1 })).toBe(concurrencyScopeOf('examples.ConfigSweep', wholeJob, { seconds: 9 }));
  });

  it('gives different jobs different scopes for the same key values', () => {
    expect(concurrencyScopeOf('examples.A', perDevice, { device: 'x' })).not.toBe(concurrencyScopeOf('examples.B', perDevice, { device: 'x' }));
    // Job ids that read alike once made KV-safe are still different jobs.
    expect(concurrencyScopeOf('net.tools_Backup', perDevice, { device: 'x' })).not.toBe(concurrencyScopeOf('net_tools.Backup', perDevice, { device: 'x' }));
  });

  it('is <job id made KV-safe>.<16 hex digits>, and its slot keys are valid NATS KV keys whatever the values', () => {
    const scope = concurrencyScopeOf('examples.Device-Backup_2', perDevice, { device: 'core router 1.2.3.4/32 * > ünï' });
    expect(scope).toMatch(/^examples_Device-Backup_2\.[0-9a-f]{16}$/);
    expect(scope.split('.')).toHaveLength(2);
    for (const slot of [0, 1, 12]) expect(slotKey(scope, slot)).toMatch(KV_KEY);
  });
});
