import type { NamedVariableDefinition } from '@yardmaster/contracts';
import { ApiClient, type FetchLike } from './api-client';
import { describeConstraints } from './commands/job';
import { UsageError } from './errors';
import { readRunFiles } from './run-files';
import { startRunAccepted } from './test-support/api-views';

const job = {
  id: 'examples.UploadSummary',
  variables: [
    { name: 'file', type: 'file', label: '', description: '', required: true, maxSizeBytes: 1024 },
    { name: 'note', type: 'string', label: '', description: '', required: false },
  ] as NamedVariableDefinition[],
};
const contents: Record<string, Uint8Array> = { 'configs/r1.cfg': new TextEncoder().encode('hostname r1\n'), 'blob.bin': new Uint8Array([0, 1, 2]) };
function read(path: string): Uint8Array {
  const content = contents[path];
  if (!content) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  return content;
}

describe('readRunFiles', () => {
  it('reads each --file variable=path, named by its base name and typed by its extension', () => {
    expect(readRunFiles(['file=configs/r1.cfg'], job, read)).toEqual([
      { variable: 'file', name: 'r1.cfg', contentType: 'text/plain', content: contents['configs/r1.cfg'] },
    ]);
    expect(readRunFiles(['file=blob.bin'], job, read)[0]!.contentType).toBe('application/octet-stream');
  });

  it('refuses, before anything is sent, what is not variable=path, not a file variable, given twice or unreadable', () => {
    const refused = (assignments: string[]) => {
      try {
        readRunFiles(assignments, job, read);
      } catch (error) {
        if (error instanceof UsageError) return error.message;
        throw error;
      }
      throw new Error('not refused');
    };
    expect(refused(['file'])).toBe('run: --file takes variable=path, not "file"');
    expect(refused(['note=blob.bin'])).toBe('run: --file note: note is not a file variable of examples.UploadSummary (its file variables: file)');
    expect(refused(['file=blob.bin', 'file=blob.bin'])).toBe('run: --file file is given twice');
    expect(refused(['file=missing.txt'])).toBe('run: cannot read --file file=missing.txt (ENOENT)');
  });
});

describe('ApiClient.startRun with files', () => {
  it('sends multipart/form-data: data as JSON text, the options as text, each file as a part of its variable', async () => {
    let sent: { headers: Record<string, string>; body: unknown } | null = null;
    const fetchImpl: FetchLike = async (_url, init = {}) => {
      sent = { headers: init.headers as Record<string, string>, body: init.body };
      return new Response(JSON.stringify(startRunAccepted({ runId: 'r' })), { status: 202 });
    };
    const client = new ApiClient('http://127.0.0.1:1', undefined, fetchImpl);
    await client.startRun('examples.UploadSummary', { data: { note: 'hi' }, commit: false }, readRunFiles(['file=configs/r1.cfg'], job, read));

    const form = sent!.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(sent!.headers['content-type']).toBeUndefined();
    expect(form.get('data')).toBe('{"note":"hi"}');
    expect(form.get('commit')).toBe('false');
    const file = form.get('file') as File;
    expect({ name: file.name, type: file.type, text: await file.text() }).toEqual({ name: 'r1.cfg', type: 'text/plain', text: 'hostname r1\n' });
  });
});

describe('yard job, for a file variable', () => {
  it('shows its size cap and how to upload it', () => {
    expect(describeConstraints(job.variables[0]!)).toBe('at most 1024 bytes (upload with --file)');
  });
});
