import { randomBytes } from 'node:crypto';
import { connectNats } from '@yardmaster/messaging';
import { testDependencies, waitFor } from '@yardmaster/testing';
import { everyStreamMessage, everyTableRow } from './support/stack-contents';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

/** Secrets no other text could hold by chance: a hit in any answer, event, audit entry, row or log line is a leak. */
const SECRET = {
  community: `community-${randomBytes(8).toString('hex')}`,
  newCommunity: `community-${randomBytes(8).toString('hex')}`,
  authKey: `auth-key-${randomBytes(8).toString('hex')}`,
  privKey: `priv-key-${randomBytes(8).toString('hex')}`,
  password: `password-${randomBytes(8).toString('hex')}`,
  keyBody: randomBytes(48).toString('base64'),
  passphrase: `passphrase-${randomBytes(8).toString('hex')}`,
  enableSecret: `enable-${randomBytes(8).toString('hex')}`,
  refused: `refused-${randomBytes(8).toString('hex')}`,
};
const PRIVATE_KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET.keyBody}\n-----END OPENSSH PRIVATE KEY-----\n`;

/**
 * Credential sets through the whole stack (its own, so that every service's log is at hand): created, read,
 * patched and deleted over REST with the API's error shapes; referenced by devices, which keep a referenced set
 * from going; and no secret anywhere it should not be: REST answers, the audit, the identity stream, any table
 * but the sealed column, the four services' logs.
 */
describe('credential sets', () => {
  let stack: YardmasterStack;
  const answers: string[] = [];

  beforeAll(async () => {
    stack = await YardmasterStack.start({ YARD_LOG_LEVEL: 'debug' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function send(method: string, path: string, body?: unknown): Promise<{ status: number; location: string | null; body: any }> {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: stack.admin.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    answers.push(text);
    return { status: response.status, location: response.headers.get('location'), body: text ? JSON.parse(text) : null };
  }

  const ids: Record<string, string> = {};

  it('creates a set of each kind; the answers say which secrets are set, never what they are', async () => {
    const v2c = await send('POST', '/api/credentials', { name: 'lab-v2c', kind: 'snmp_v2c', description: 'Lab switches', community: SECRET.community });
    expect(v2c.status).toBe(201);
    expect(v2c.location).toBe(`/api/credentials/${v2c.body.id}`);
    expect(v2c.body).toEqual({
      id: expect.any(String),
      name: 'lab-v2c',
      kind: 'snmp_v2c',
      description: 'Lab switches',
      secrets: { community: 'set' },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    ids.v2c = v2c.body.id;

    const v3 = await send('POST', '/api/credentials', {
      name: 'core-v3',
      kind: 'snmp_v3',
      username: 'monitor',
      securityLevel: 'authPriv',
      authProtocol: 'SHA512',
      authKey: SECRET.authKey,
      privProtocol: 'AES256',
      privKey: SECRET.privKey,
    });
    expect(v3).toMatchObject({
      status: 201,
      body: { kind: 'snmp_v3', username: 'monitor', securityLevel: 'authPriv', authProtocol: 'SHA512', privProtocol: 'AES256', secrets: { authKey: 'set', privKey: 'set' } },
    });
    ids.v3 = v3.body.id;

    const ssh = await send('POST', '/api/credentials', { name: 'lab-ssh', kind: 'ssh', username: 'netops', password: SECRET.password, privateKey: PRIVATE_KEY, passphrase: SECRET.passphrase, enableSecret: SECRET.enableSecret });
    expect(ssh).toMatchObject({ status: 201, body: { kind: 'ssh', username: 'netops', secrets: { password: 'set', privateKey: 'set', passphrase: 'set', enableSecret: 'set' } } });
    ids.ssh = ssh.body.id;
  });

  it('lists and reads by id or name, filters by kind', async () => {
    const all = await send('GET', '/api/credentials');
    expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.body.items.map((set: { name: string }) => set.name)).toEqual(['core-v3', 'lab-ssh', 'lab-v2c']);
    expect((await send('GET', '/api/credentials?kind=ssh')).body.items.map((set: { name: string }) => set.name)).toEqual(['lab-ssh']);
    expect((await send('GET', '/api/credentials/LAB-V2C')).body).toMatchObject({ id: ids.v2c, secrets: { community: 'set' } });
    expect((await send('GET', `/api/credentials/${ids.v3}`)).body).toMatchObject({ name: 'core-v3' });
  });

  it('replaces a secret, lowers a security level and clears an optional secret over PATCH', async () => {
    expect(await send('PATCH', `/api/credentials/${ids.v2c}`, { community: SECRET.newCommunity })).toMatchObject({ status: 200, body: { secrets: { community: 'set' } } });
    expect(await send('PATCH', '/api/credentials/core-v3', { securityLevel: 'authNoPriv' })).toMatchObject({
      status: 200,
      body: { securityLevel: 'authNoPriv', authProtocol: 'SHA512', privProtocol: null, secrets: { authKey: 'set', privKey: 'not_set' } },
    });
    expect(await send('PATCH', '/api/credentials/lab-ssh', { password: null })).toMatchObject({ status: 200, body: { secrets: { password: 'not_set', privateKey: 'set', passphrase: 'set' } } });
  });

  it('answers 400, 404 and 409 with their codes, echoing no secret', async () => {
    const invalid = await send('POST', '/api/credentials', { name: 'bad-ssh', kind: 'ssh', username: 'netops', privateKey: SECRET.refused });
    expect(invalid).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'privateKey', message: 'must be a private key in PEM or OpenSSH form (-----BEGIN … PRIVATE KEY-----)' }] },
    });
    const short = await send('PATCH', '/api/credentials/core-v3', { authKey: 'short', privKey: SECRET.refused });
    expect(short.body.fieldErrors).toEqual([
      { field: 'authKey', message: 'must be 8 to 256 characters' },
      { field: 'privKey', message: 'is not used at securityLevel authNoPriv' },
    ]);
    expect(await send('GET', '/api/credentials/ghost')).toMatchObject({ status: 404, body: { code: 'CREDENTIAL_SET_NOT_FOUND' } });
    expect(await send('POST', '/api/credentials', { name: 'LAB-V2C', kind: 'snmp_v2c', community: SECRET.refused })).toMatchObject({
      status: 409,
      body: { code: 'CREDENTIAL_SET_CONFLICT', fieldErrors: [{ field: 'name', message: 'is already used by another credential set' }], details: { conflictingId: ids.v2c } },
    });
  });

  it('lets devices name a set that exists, and refuses to delete or rename a set they name', async () => {
    const site = await send('POST', '/api/inventory/sites', { name: 'Credentials Site' });
    const role = await send('POST', '/api/inventory/device-roles', { name: 'Credentials Role' });
    const device = { name: 'sw-1', siteId: site.body.id, roleId: role.body.id };
    const unknown = await send('POST', '/api/inventory/devices', { ...device, management: { protocol: 'snmp', credentialsRef: 'ghost' } });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'management.credentialsRef' }] } });
    const created = await send('POST', '/api/inventory/devices', { ...device, management: { protocol: 'snmp', credentialsRef: 'lab-v2c' } });
    expect(created).toMatchObject({ status: 201, body: { management: { protocol: 'snmp', port: 161, credentialsRef: 'lab-v2c' } } });

    expect(await send('DELETE', `/api/credentials/${ids.v2c}`)).toMatchObject({
      status: 409,
      body: { code: 'CREDENTIAL_SET_IN_USE', message: 'Cannot delete credential set "lab-v2c": it is used by 1 device (management.credentialsRef)', details: { devices: 1 } },
    });
    expect(await send('PATCH', `/api/credentials/${ids.v2c}`, { name: 'lab-v2c-renamed' })).toMatchObject({ status: 409, body: { code: 'CREDENTIAL_SET_IN_USE' } });

    expect((await send('DELETE', `/api/inventory/devices/${created.body.id}`)).status).toBe(204);
    expect((await send('DELETE', `/api/credentials/${ids.v2c}`)).status).toBe(204);
    expect((await send('GET', `/api/credentials/${ids.v2c}`)).status).toBe(404);
  });

  it('lets a user without credentials.manage read sets but not change them', async () => {
    const viewer = await stack.createUser(`cred-viewer-${randomBytes(3).toString('hex')}`, ['inventory.view']);
    expect((await viewer.request('GET', '/api/credentials')).status).toBe(200);
    const refused = await viewer.request('POST', '/api/credentials', { name: 'nope', kind: 'snmp_v2c', community: SECRET.refused });
    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    answers.push(JSON.stringify(refused.body));
  });

  it('audits each change by name and field, and no secret is in any answer, event, audit entry, table or log', async () => {
    const audit = await waitFor(
      async () => {
        const { body } = await stack.getJson('/api/audit?targetType=credential-set&limit=100');
        return body.total >= 7 ? body : undefined;
      },
      30_000,
      'the credential set audit entries',
    );
    const summaries = audit.items.map((entry: { summary: string }) => entry.summary).reverse();
    expect(summaries).toEqual([
      'created credential set lab-v2c (snmp_v2c)',
      'created credential set core-v3 (snmp_v3)',
      'created credential set lab-ssh (ssh)',
      'changed credential set lab-v2c: community',
      'changed credential set core-v3: securityLevel',
      'changed credential set lab-ssh: password',
      'deleted credential set lab-v2c',
    ]);
    expect(audit.items.every((entry: { actor: string }) => entry.actor === 'admin')).toBe(true);

    const nc = await connectNats(testDependencies.natsUrl, 'credentials-e2e-stream-reader');
    const streamText = await everyStreamMessage(nc, stack.instance).finally(() => nc.drain());
    expect(streamText).toContain('identity.credential_set_created');
    const { text: tables } = await everyTableRow(stack.database.dataSource);
    // The one place a secret lives: sealed, in the credential set's row (jsonb text puts a space after each colon).
    expect(tables).toMatch(/"privateKey": \{"\$sealed": "[A-Za-z0-9+/=]+"\}/);
    const logs = ['projection', 'scheduler', 'collector', 'api'].map((name) => stack.service(name).logs).join('\n');
    // The logs are there to search: the API's own start-up lines name its credential routes.
    expect(logs).toContain('/api/credentials');

    const places = { answers: answers.join('\n'), audit: JSON.stringify(audit), events: streamText, tables, logs };
    for (const [place, text] of Object.entries(places)) {
      for (const [field, secret] of Object.entries(SECRET)) expect({ place, field, leaked: text.includes(secret) }).toEqual({ place, field, leaked: false });
    }
  });
});
