/**
 * RunFileStore against the real NATS server with JetStream (127.0.0.1:4222 unless YARD_NATS_URL). The bucket
 * belongs to a fresh instance name and is deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { runFilesBucketFor } from '@yardmaster/contracts';
import { deleteStreams, testDependencies, uniqueInstanceName } from '@yardmaster/testing-core';
import { connectNats, type NatsConnection } from './nats-connection';
import { RUN_FILES_MAX_AGE_MS, RunFileStore } from './run-file-store';
import { ensureStreams } from './streams';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('files');

let nc: NatsConnection;
let files: RunFileStore;

beforeAll(async () => {
  nc = await connectNats(testDependencies.natsUrl, `run-files-int-spec-${INSTANCE}`);
  files = new RunFileStore(nc, INSTANCE);
});

afterAll(async () => {
  if (nc && !nc.isClosed()) {
    await deleteStreams(nc, INSTANCE);
    await nc.drain();
  }
});

describe('RunFileStore', () => {
  it('gives back exactly the bytes put, across chunks, and forgets them once deleted', async () => {
    const fileId = randomUUID();
    // Larger than one 128 KiB chunk, with every byte value, so chunking and binary content are both exercised.
    const content = Uint8Array.from({ length: 300 * 1024 + 7 }, (_, index) => (index * 31) % 256);

    await files.put(fileId, content, { name: 'config.bin', contentType: 'application/octet-stream' });

    expect(await files.has(fileId)).toBe(true);
    expect(Buffer.from((await files.get(fileId))!).equals(Buffer.from(content))).toBe(true);
    expect(await files.delete(fileId)).toBe(true);
    expect(await files.has(fileId)).toBe(false);
    expect(await files.get(fileId)).toBeNull();
  });

  it('answers null, false and false for a file it never had, so a retried delete is harmless', async () => {
    const fileId = randomUUID();
    expect(await files.get(fileId)).toBeNull();
    expect(await files.has(fileId)).toBe(false);
    expect(await files.delete(fileId)).toBe(false);
  });

  it('keeps an empty file', async () => {
    const fileId = randomUUID();
    await files.put(fileId, new Uint8Array(), { name: 'empty.txt', contentType: 'text/plain' });
    expect(await files.get(fileId)).toEqual(new Uint8Array());
    await files.delete(fileId);
  });

  it('is a bucket that ensureStreams creates with a maximum age, and that deleteStreams removes', async () => {
    const instance = uniqueInstanceName('filesb');
    const jsm = await jetstreamManager(nc);
    const stream = `OBJ_${runFilesBucketFor(instance)}`;
    try {
      await ensureStreams(nc, instance);
      await ensureStreams(nc, instance);
      const info = await jsm.streams.info(stream);
      expect(info.config.max_age).toBe(RUN_FILES_MAX_AGE_MS * 1_000_000);
    } finally {
      await deleteStreams(nc, instance);
    }
    await expect(jsm.streams.info(stream)).rejects.toThrow();
  });
});
