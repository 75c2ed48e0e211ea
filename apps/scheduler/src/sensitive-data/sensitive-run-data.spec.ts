import { randomBytes } from 'node:crypto';
import { isSealedValue, REDACTED, sealingContext, type SealedValue } from '@yardmaster/contracts';
import { SecretBox } from '@yardmaster/messaging';
import { redactSensitiveData, sealSensitiveData } from './sensitive-run-data';

describe('sensitive run data', () => {
  const box = new SecretBox(randomBytes(32));
  const data = { username: 'admin', password: 'hunter2-secret', pin: 1234, note: null };

  it('seals each sensitive value given, for this run and variable only, and leaves the rest', () => {
    const sealed = sealSensitiveData(box, 'run-1', ['password', 'pin', 'note'], data);
    expect(sealed.username).toBe('admin');
    expect(sealed.note).toBeNull();
    expect(isSealedValue(sealed.password)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('hunter2-secret');
    expect(box.open(sealed.password as unknown as SealedValue, sealingContext('run-1', 'password'))).toBe('hunter2-secret');
    expect(box.open(sealed.pin as unknown as SealedValue, sealingContext('run-1', 'pin'))).toBe(1234);
    expect(() => box.open(sealed.password as unknown as SealedValue, sealingContext('run-2', 'password'))).toThrow();
  });

  it('masks each sensitive value given', () => {
    expect(redactSensitiveData(['password', 'pin', 'note'], data)).toEqual({ username: 'admin', password: REDACTED, pin: REDACTED, note: null });
  });

  it('returns the data as it is for a job without sensitive variables', () => {
    expect(sealSensitiveData(box, 'run-1', [], data)).toBe(data);
    expect(redactSensitiveData([], data)).toBe(data);
  });
});
