import { createSocket, type Socket } from 'node:dgram';
import { OwnSnmpSimulator } from '@yardmaster/testing-core';
import { COLLECTED_SUBTREES, openSnmpSession, runCollector, SnmpError, type SnmpV3Credentials } from '../index';

const C3560 = 'network/switch/cisco-c3560';
const USER = { name: 'yard-collector', authProtocol: 'SHA', authKey: 'auth-secret-1', privProtocol: 'AES', privKey: 'priv-secret-1' } as const;
const V3: SnmpV3Credentials = { version: 'v3', username: USER.name, authProtocol: 'sha', authKey: USER.authKey, privProtocol: 'aes', privKey: USER.privKey, context: C3560 };

jest.setTimeout(120_000);

let simulator: OwnSnmpSimulator;

beforeAll(async () => {
  simulator = await OwnSnmpSimulator.start({ recordings: [C3560], subtrees: COLLECTED_SUBTREES, v3Users: [USER] });
}, 1_800_000); // The index lock may be held by a simulator of another test file that indexes all recordings.

afterAll(() => simulator?.dispose());

describe('SNMPv3 authPriv', () => {
  it('collects with the user, its keys and the context naming the recording', async () => {
    const session = openSnmpSession({ host: simulator.host, port: simulator.port, credentials: V3 });
    try {
      const facts = await runCollector(session, 'facts');
      expect(facts.records[0]).toMatchObject({ hostname: 'DUMSYS-04', serial: 'FOC1408Z61U' });
      const interfaces = await runCollector(session, 'interfaces');
      expect(interfaces.records).toHaveLength(57);
    } finally {
      session.close();
    }
  });

  it('fails with SNMP_AUTH_FAILED on a wrong authentication key', async () => {
    const session = openSnmpSession({ host: simulator.host, port: simulator.port, credentials: { ...V3, authKey: 'not-the-key' }, timeoutMs: 2_000, retries: 0 });
    try {
      await expect(runCollector(session, 'facts')).rejects.toMatchObject({ name: 'SnmpError', code: 'SNMP_AUTH_FAILED' });
    } finally {
      session.close();
    }
  });
});

describe('an agent that does not answer', () => {
  let silent: Socket;

  beforeAll(async () => {
    // A UDP port that receives and never answers: a filtered or dead agent, not a refused port.
    silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
  });

  afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

  it('fails the collection with SNMP_TIMEOUT after its timeout and retries', async () => {
    const session = openSnmpSession({ host: '127.0.0.1', port: silent.address().port, credentials: { version: 'v2c', community: 'public' }, timeoutMs: 300, retries: 1 });
    try {
      const failure = await runCollector(session, 'interfaces').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SnmpError);
      expect(failure).toMatchObject({ code: 'SNMP_TIMEOUT' });
    } finally {
      session.close();
    }
  });

  it('does the same for a v2c community the agent ignores', async () => {
    const session = openSnmpSession({ host: simulator.host, port: simulator.port, credentials: { version: 'v2c', community: 'no-such-recording' }, timeoutMs: 300, retries: 0 });
    try {
      await expect(runCollector(session, 'facts')).rejects.toMatchObject({ code: 'SNMP_TIMEOUT' });
    } finally {
      session.close();
    }
  });
});
