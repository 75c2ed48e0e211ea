/**
 * A device's pinned SSH host key through the whole stack: the SSH driver records the first key a device shows in the
 * stack's own inventory database, refuses a changed key, and an operator sees the pinned key and forgets it over REST
 * (inventory.manage; inventory.view only reads), which the audit records, after which the device's new key is recorded.
 */
import type { SshCredentials } from '@yardmaster/contracts';
import { createInventoryDataSource, DeviceHostKeyStore } from '@yardmaster/inventory';
import { openSshSession, type SshTarget } from '@yardmaster/ssh';
import { ScriptedSshServer, waitFor, type CliScript } from '@yardmaster/testing-core';
import { uniqueSuffix } from './support/unique-names';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const SUFFIX = uniqueSuffix();
const LOGIN = { username: 'netops', password: `pw-${SUFFIX}` };
const CREDENTIALS: SshCredentials = { kind: 'ssh', name: 'lab', ...LOGIN, privateKey: null, passphrase: null, enableSecret: null };
const SCRIPT: CliScript = { prompt: 'edge1#', commands: { 'terminal length 0': { output: '' }, 'terminal width 511': { output: '' } } };

describe("a device's SSH host key", () => {
  let stack: YardmasterStack;
  let inventory: ReturnType<typeof createInventoryDataSource>;
  let original: ScriptedSshServer;
  let replaced: ScriptedSshServer;
  let deviceId: string;

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    inventory = await createInventoryDataSource(stack.database.url, 'host-key-e2e').initialize();
    // The same device before and after a replacement: same address and login, a new host key.
    original = await ScriptedSshServer.start({ ...LOGIN, script: SCRIPT });
    replaced = await ScriptedSshServer.start({ ...LOGIN, script: SCRIPT });
    const site = await expectStatus(201, 'POST', '/api/inventory/sites', { name: `Keys ${SUFFIX}` });
    const role = await expectStatus(201, 'POST', '/api/inventory/device-roles', { name: `Keys ${SUFFIX}` });
    deviceId = (await expectStatus(201, 'POST', '/api/inventory/devices', { name: `edge1-${SUFFIX}`, siteId: site.id, roleId: role.id })).id;
  });

  afterAll(async () => {
    await original?.stop();
    await replaced?.stop();
    await inventory?.destroy();
    await stack?.stop();
  });

  async function send(method: string, path: string, body?: unknown, token = stack.adminToken): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    const response = await fetch(`${stack.apiUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async function expectStatus(status: number, method: string, path: string, body?: unknown): Promise<any> {
    const answer = await send(method, path, body);
    expect({ method, path, status: answer.status }).toEqual({ method, path, status });
    return answer.body;
  }

  function connectTo(server: ScriptedSshServer) {
    const target: SshTarget = { deviceId, host: server.host, port: server.port, platform: 'cisco_ios', credentials: CREDENTIALS, hostKeys: new DeviceHostKeyStore(inventory) };
    return openSshSession(target);
  }

  it('is pinned by the first session, refused when it changes, and accepted again once an operator forgets it', async () => {
    expect(await expectStatus(200, 'GET', `/api/inventory/devices/${deviceId}/host-key`)).toEqual({ deviceId, pinned: null });

    (await connectTo(original)).close();
    const pinned = await expectStatus(200, 'GET', `/api/inventory/devices/${deviceId}/host-key`);
    expect(pinned).toEqual({ deviceId, pinned: { ...original.hostKey, recordedAt: expect.any(String) } });

    const refused = await connectTo(replaced).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'SSH_HOST_KEY_CHANGED', message: expect.stringContaining(replaced.hostKey.fingerprint) });
    expect(replaced.shells).toHaveLength(0);

    // Reading takes inventory.view; forgetting, inventory.manage.
    const viewer = await stack.createUser(`key-viewer-${SUFFIX}`, ['inventory.view']);
    expect((await send('GET', `/api/inventory/devices/${deviceId}/host-key`, undefined, viewer.token)).status).toBe(200);
    expect(await send('DELETE', `/api/inventory/devices/${deviceId}/host-key`, undefined, viewer.token)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await expectStatus(200, 'GET', `/api/inventory/devices/${deviceId}/host-key`)).pinned).toEqual(pinned.pinned);

    await expectStatus(204, 'DELETE', `/api/inventory/devices/${deviceId}/host-key`);
    expect(await expectStatus(200, 'GET', `/api/inventory/devices/${deviceId}/host-key`)).toEqual({ deviceId, pinned: null });
    (await connectTo(replaced)).close();
    expect((await expectStatus(200, 'GET', `/api/inventory/devices/${deviceId}/host-key`)).pinned).toMatchObject(replaced.hostKey);

    const entry = await waitFor(
      async () => (await send('GET', `/api/audit?targetType=device&targetId=${deviceId}`)).body.items?.[0],
      15_000,
      'the audit entry of the forgotten key',
    );
    expect(entry).toMatchObject({ actor: 'admin', action: 'identity.device_host_key_forgotten', summary: `forgot the SSH host key of device edge1-${SUFFIX} (${original.hostKey.algorithm} ${original.hostKey.fingerprint})` });
  });

  it('answers 404 INVENTORY_OBJECT_NOT_FOUND for a device that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await send('GET', `/api/inventory/devices/${missing}/host-key`)).toMatchObject({ status: 404, body: { code: 'INVENTORY_OBJECT_NOT_FOUND' } });
    expect(await send('DELETE', `/api/inventory/devices/${missing}/host-key`)).toMatchObject({ status: 404, body: { code: 'INVENTORY_OBJECT_NOT_FOUND' } });
  });
});
