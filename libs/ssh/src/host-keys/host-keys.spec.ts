import { SshError } from '../session/ssh-error';
import { hostKeyOf } from './host-key';
import { InMemoryHostKeyStore } from './in-memory-host-key-store';
import { verifyHostKey } from './verify-host-key';

// `ssh-keygen -t ed25519` then `ssh-keygen -lf`: the fingerprint OpenSSH prints for this public key.
const ED25519_BLOB = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIG1F1H9oCni5upoY3yLmHMet7S1WgtRNIIeqDL/rmq0p', 'base64');
const ED25519 = { algorithm: 'ssh-ed25519', fingerprint: 'SHA256:DNRfCG2FlS6pe/9ZDZiwtJin5albL/owd2/+doNjORU' };
const OTHER = { algorithm: 'ssh-rsa', fingerprint: 'SHA256:otherotherotherotherotherotherotherotherot' };

describe('host keys', () => {
  it("names a key blob's algorithm and its fingerprint as ssh-keygen -lf does", () => {
    expect(hostKeyOf(ED25519_BLOB)).toEqual(ED25519);
  });

  it('records the first key, accepts it again, refuses another naming both fingerprints, and accepts a new one once forgotten', async () => {
    const store = new InMemoryHostKeyStore();
    await verifyHostKey(store, 'device-1', 'r1:22', ED25519);
    expect(await store.find('device-1')).toMatchObject(ED25519);
    await verifyHostKey(store, 'device-1', 'r1:22', ED25519);

    const refused = await verifyHostKey(store, 'device-1', 'r1:22', OTHER).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SshError);
    expect(refused).toMatchObject({ code: 'SSH_HOST_KEY_CHANGED' });
    expect((refused as SshError).message).toContain(ED25519.fingerprint);
    expect((refused as SshError).message).toContain(OTHER.fingerprint);
    expect(await store.find('device-1')).toMatchObject(ED25519);

    store.forget('device-1');
    await verifyHostKey(store, 'device-1', 'r1:22', OTHER);
    expect(await store.find('device-1')).toMatchObject(OTHER);
  });
});
