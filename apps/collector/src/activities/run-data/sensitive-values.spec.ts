import { randomBytes } from 'node:crypto';
import { REDACTED, sealingContext, type JsonObject, type NamedVariableDefinition, type RunWorkflowInput } from '@yardmaster/contracts';
import { SecretBox } from '@yardmaster/messaging';
import { createSensitiveValuesStage, redactorForStep } from './sensitive-values';

const box = new SecretBox(randomBytes(32));
const variables: NamedVariableDefinition[] = [
  { name: 'username', type: 'string', label: '', description: '', required: true },
  { name: 'password', type: 'string', label: '', description: '', required: true, sensitive: true },
];

function scopeFor(data: Record<string, unknown>) {
  return { run: { runId: 'run-1', data } as unknown as RunWorkflowInput, variables, step: 'run' };
}

describe('the sensitive values stage', () => {
  it('opens each sealed value of this run and leaves the rest, without changing its input', async () => {
    const data = { username: 'admin', password: box.seal('hunter2', sealingContext('run-1', 'password')) };
    const frozen = JSON.stringify(data);
    await expect(createSensitiveValuesStage(box)(data, scopeFor(data))).resolves.toEqual({ username: 'admin', password: 'hunter2' });
    expect(JSON.stringify(data)).toBe(frozen);
  });

  it('refuses a value sealed for another run or with another key, saying which variable and what to check', async () => {
    const data = { password: box.seal('hunter2', sealingContext('run-2', 'password')) };
    await expect(createSensitiveValuesStage(box)(data, scopeFor(data))).rejects.toThrow(/Variable password is sensitive and could not be opened.*YARD_SECRETS_KEY/);
    const other = { password: new SecretBox(randomBytes(32)).seal('hunter2', sealingContext('run-1', 'password')) };
    await expect(createSensitiveValuesStage(box)(other, scopeFor(other))).rejects.toThrow(/could not be opened/);
  });
});

describe('redactorForStep', () => {
  it('masks the values of variables that arrived sealed or are declared sensitive', () => {
    const runData = { username: 'admin', password: box.seal('x', 'c'), token: box.seal('y', 'c') } as unknown as JsonObject;
    const redactor = redactorForStep(runData, variables, { username: 'admin', password: 'hunter2', token: 'tok-1' });
    expect(redactor.text('admin hunter2 tok-1')).toBe(`admin ${REDACTED} ${REDACTED}`);
  });
});
