import type { NatsConnection } from '@nats-io/nats-core';
import { Objm, StorageType, type ObjectStore } from '@nats-io/obj';
import { runFilesBucketFor } from '@yardmaster/contracts';

/**
 * A safety net, not the rule: a run deletes its files when it ends. This only catches files whose run never
 * started (the scheduler's reply was lost) or whose workflow was terminated from outside.
 */
export const RUN_FILES_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Creates the instance's run-files bucket when it is missing; an existing bucket is left as it is. */
export async function ensureRunFilesBucket(nc: NatsConnection, instance: string): Promise<ObjectStore> {
  return new Objm(nc).create(runFilesBucketFor(instance), {
    description: 'Files uploaded for file variables, kept until their run ends',
    storage: StorageType.File,
    ttl: RUN_FILES_MAX_AGE_MS * 1_000_000,
  });
}

export interface StoredRunFile {
  readonly name: string;
  readonly contentType: string;
}

/**
 * Uploads of file variables in a JetStream object store, one object per upload named by its file id (a UUID).
 * The bucket is opened (and created when missing) on first use, so building a store never waits on NATS.
 */
export class RunFileStore {
  private bucket: Promise<ObjectStore> | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly instance: string,
  ) {}

  async put(fileId: string, content: Uint8Array, file: StoredRunFile): Promise<void> {
    // The upload's name and type go in the description only for operators browsing the bucket; the run data carries it.
    await (await this.store()).putBlob({ name: fileId, description: `${file.name} (${file.contentType})` }, content);
  }

  /** The content, or null when there is no such file (never stored, deleted after its run, or expired). */
  async get(fileId: string): Promise<Uint8Array | null> {
    return (await this.store()).getBlob(fileId);
  }

  async has(fileId: string): Promise<boolean> {
    const info = await (await this.store()).info(fileId);
    return info !== null && !info.deleted;
  }

  /** Deletes the file; true if it was there. Deleting a file already gone is not an error, so a retry is safe. */
  async delete(fileId: string): Promise<boolean> {
    if (!(await this.has(fileId))) return false;
    await (await this.store()).delete(fileId);
    return true;
  }

  private store(): Promise<ObjectStore> {
    if (!this.bucket) {
      this.bucket = ensureRunFilesBucket(this.nc, this.instance);
      // A failed open (NATS unreachable) is tried again by the next call rather than remembered.
      this.bucket.catch(() => (this.bucket = null));
    }
    return this.bucket;
  }
}
