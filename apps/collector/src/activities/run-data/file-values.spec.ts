import type { NamedVariableDefinition, RunWorkflowInput } from '@yardmaster/contracts';
import { InfrastructureFault, type RunFile } from '@yardmaster/job-sdk';
import { fileValuesStage, type RunFileReader } from './file-values';

const variables: NamedVariableDefinition[] = [
  { name: 'config', type: 'file', label: '', description: '', required: true, maxSizeBytes: 1024 },
  { name: 'device', type: 'string', label: '', description: '', required: true },
];
const ref = { fileId: 'b1d6a3c2-7c51-4d7e-9a57-1f4b9c0e2d11', name: 'r1.cfg', size: 12, contentType: 'text/plain' };

function scopeOf(data: Record<string, unknown>) {
  return { run: { data } as unknown as RunWorkflowInput, variables, step: 'run' };
}

function reader(get: RunFileReader['get']): RunFileReader & { calls: number } {
  const counted = { calls: 0, get: (fileId: string) => (counted.calls++, get(fileId)) };
  return counted;
}

describe('fileValuesStage', () => {
  it('turns a file reference into a RunFile that reads the store only when asked, and once', async () => {
    const files = reader(async () => new TextEncoder().encode('hostname r1\n'));
    const data = { config: ref, device: 'r1' };
    const prepared = await fileValuesStage(files)(data, scopeOf(data));

    const file = prepared['config'] as RunFile;
    expect(prepared['device']).toBe('r1');
    expect({ name: file.name, size: file.size, contentType: file.contentType }).toEqual({ name: 'r1.cfg', size: 12, contentType: 'text/plain' });
    expect(files.calls).toBe(0);
    expect(await file.text()).toBe('hostname r1\n');
    expect(await file.bytes()).toEqual(new TextEncoder().encode('hostname r1\n'));
    expect(files.calls).toBe(1);
    expect(data.config).toBe(ref);
  });

  it('leaves an optional file variable that was not given alone', async () => {
    const prepared = await fileValuesStage(reader(async () => null))({ device: 'r1' }, scopeOf({ device: 'r1' }));
    expect(prepared).toEqual({ device: 'r1' });
  });

  it('says the file is gone when the store no longer has it', async () => {
    const data = { config: ref };
    const file = (await fileValuesStage(reader(async () => null))(data, scopeOf(data)))['config'] as RunFile;
    await expect(file.text()).rejects.toThrow('File r1.cfg of variable config is no longer stored: uploads are kept only while their run lasts');
  });

  it('makes an unreachable store an infrastructure fault, and tries again on the next read', async () => {
    let attempts = 0;
    const files = reader(async () => {
      if (++attempts === 1) throw new Error('connection closed');
      return new Uint8Array([104, 105]);
    });
    const data = { config: ref };
    const file = (await fileValuesStage(files)(data, scopeOf(data)))['config'] as RunFile;
    await expect(file.bytes()).rejects.toBeInstanceOf(InfrastructureFault);
    expect(await file.text()).toBe('hi');
  });
});
