import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Objm } from '@nats-io/obj';
import { runFilesBucketFor } from '@yardmaster/contracts';
import { connectNats, RunFileStore, type NatsConnection } from '@yardmaster/messaging';
import { testDependencies } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

const UPLOAD_SUMMARY = 'examples.UploadSummary';
/** Above the example's own cap (1 MiB), so that both caps can be crossed. */
const API_MAX_UPLOAD_BYTES = 1536 * 1024;
const CLI = join(__dirname, '..', 'apps', 'cli', 'dist', 'main.js');

describe('file variables', () => {
  let stack: YardmasterStack;
  let nc: NatsConnection;
  let files: RunFileStore;

  beforeAll(async () => {
    stack = await YardmasterStack.start({ YARD_API_MAX_UPLOAD_BYTES: String(API_MAX_UPLOAD_BYTES) });
    nc = await connectNats(testDependencies.natsUrl, `e2e-files-${stack.instance}`);
    files = new RunFileStore(nc, stack.instance);
  });

  afterAll(async () => {
    if (nc && !nc.isClosed()) await nc.drain();
    await stack?.stop();
  });

  /** Ids of the uploads the bucket holds now (deleted ones excluded). */
  async function storedFileIds(): Promise<string[]> {
    const bucket = await new Objm(nc).open(runFilesBucketFor(stack.instance));
    return (await bucket.list()).filter((info) => !info.deleted).map((info) => info.name);
  }

  function startRun(form: FormData, jobId = UPLOAD_SUMMARY): Promise<{ status: number; body: any }> {
    return fetch(`${stack.apiUrl}/api/jobs/${jobId}/runs`, { method: 'POST', body: form, headers: stack.admin.headers() }).then(async (response) => ({ status: response.status, body: await response.json() }));
  }

  function formWithFile(content: string | Uint8Array, name = 'running-config.txt', field = 'file'): FormData {
    const form = new FormData();
    form.set(field, new Blob([content], { type: 'text/plain' }), name);
    return form;
  }

  it('runs a job with an uploaded file, and deletes the file when the run ends', async () => {
    const content = 'hostname r1\ninterface Gi0/1\n description uplink – ünïcode\n';
    const accepted = await startRun(formWithFile(content));
    expect(accepted.status).toBe(202);
    const ref = accepted.body.data.file;
    expect(ref).toEqual({ fileId: expect.any(String), name: 'running-config.txt', size: Buffer.byteLength(content), contentType: 'text/plain' });

    const run = await stack.waitForRunToEnd(accepted.body.runId);
    expect(run).toMatchObject({ status: 'completed', result: { lines: 3, bytes: Buffer.byteLength(content) }, commit: null });
    expect((await stack.logsOf(run.id)).map((entry) => entry.message)).toContain(`running-config.txt (text/plain): 3 lines, ${Buffer.byteLength(content)} bytes`);
    // The workflow deletes the files before it publishes the terminal event, so this holds once the run shows ended.
    expect(await files.has(ref.fileId)).toBe(false);
  });

  it('refuses a file over its variable cap or over the API cap with 413, naming the field, and keeps nothing', async () => {
    const before = await storedFileIds();

    const overVariable = await startRun(formWithFile(new Uint8Array(1024 * 1024 + 1)));
    expect(overVariable.status).toBe(413);
    expect(overVariable.body).toMatchObject({ code: 'FILE_TOO_LARGE', fieldErrors: [{ field: 'data.file', message: `must be at most ${1024 * 1024} bytes, got ${1024 * 1024 + 1}` }] });

    const overApi = await startRun(formWithFile(new Uint8Array(API_MAX_UPLOAD_BYTES + 1)));
    expect(overApi.status).toBe(413);
    expect(overApi.body).toMatchObject({ code: 'FILE_TOO_LARGE', fieldErrors: [{ field: 'data.file', message: expect.stringContaining(`at most ${API_MAX_UPLOAD_BYTES} bytes`) }] });

    // Refused before the scheduler is asked: nothing is stored, so no run can refer to anything.
    expect(await storedFileIds()).toEqual(before);
  });

  it('refuses a file variable given in a JSON body, and a file part that is not a file variable, with 400 per field', async () => {
    const json = await stack.post(`/api/jobs/${UPLOAD_SUMMARY}/runs`, JSON.stringify({ data: { file: 'hostname r1' } }));
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'data.file', message: expect.stringContaining('multipart/form-data') }] });

    // A well-formed reference to a file that is stored, but was not uploaded with this request (another run's).
    const othersFileId = randomUUID();
    await files.put(othersFileId, new TextEncoder().encode('secret config'), { name: 'other.txt', contentType: 'text/plain' });
    const forged = await stack.post(`/api/jobs/${UPLOAD_SUMMARY}/runs`, JSON.stringify({ data: { file: { fileId: othersFileId, name: 'other.txt', size: 13, contentType: 'text/plain' } } }));
    expect(forged.status).toBe(400);
    expect(forged.body.fieldErrors).toEqual([{ field: 'data.file', message: 'must be uploaded with this request: send it as a file part of a multipart/form-data request' }]);
    await files.delete(othersFileId);

    const wrongPart = await startRun(formWithFile('yard', 'name.txt', 'name'), 'examples.HelloWorld');
    expect(wrongPart.status).toBe(400);
    expect(wrongPart.body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'data.name', message: 'is not a file variable of this job' }] });
  });

  it('deletes the stored files when the scheduler refuses the run', async () => {
    const before = await storedFileIds();
    const form = formWithFile('hostname r1\n');
    form.set('queue', 'no-such-queue');
    const refused = await startRun(form);
    expect(refused.status).toBe(400);
    expect(refused.body.fieldErrors).toEqual([{ field: 'queue', message: expect.stringContaining('must be one of') }]);
    expect(await storedFileIds()).toEqual(before);
  });

  it('uploads with `yard run --file` and follows the run to completion', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'yard-files-'));
    try {
      const path = join(directory, 'r2.cfg');
      writeFileSync(path, 'hostname r2\nend');
      const { stdout } = await promisify(execFile)('node', [CLI, 'run', UPLOAD_SUMMARY, '--file', `file=${path}`, '--follow'], {
        env: { ...process.env, YARD_URL: stack.apiUrl, YARD_TOKEN: stack.adminToken, NO_COLOR: '1' },
      });
      expect(stdout).toContain('r2.cfg (text/plain): 2 lines, 15 bytes');
      expect(stdout).toMatch(/completed/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
