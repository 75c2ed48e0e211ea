import { randomBytes } from 'node:crypto';
import { SEALED_KEY, isSealedValue } from '@yardmaster/contracts';
import { SealedValueError, SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, for any JSON value, and never shows the clear text', () => {
    for (const value of ['s3cr3t-pässword', 4242, ['alpha', 'beta'], { nested: { token: 'abcdef' } }, true]) {
      const sealed = box.seal(value, 'run-1:password');
      expect(isSealedValue(sealed)).toBe(true);
      expect(JSON.stringify(sealed)).not.toContain(JSON.stringify(value).replace(/^"|"$/g, ''));
      expect(box.open(sealed, 'run-1:password')).toEqual(value);
    }
  });

  it('seals the same value differently each time (a fresh IV)', () => {
    expect(box.seal('same', 'c')[SEALED_KEY]).not.toBe(box.seal('same', 'c')[SEALED_KEY]);
  });

  it('refuses a value that was changed', () => {
    const sealed = box.seal('s3cr3t', 'c');
    const bytes = Buffer.from(sealed[SEALED_KEY], 'base64');
    bytes[14] ^= 0x01;
    expect(() => box.open({ [SEALED_KEY]: bytes.toString('base64') }, 'c')).toThrow(SealedValueError);
  });

  it('refuses a value sealed for another context or with another key', () => {
    const sealed = box.seal('s3cr3t', 'run-1:password');
    expect(() => box.open(sealed, 'run-2:password')).toThrow(SealedValueError);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'run-1:password')).toThrow(/another key, or changed/);
  });

  it('refuses a value too short to be sealed, and a key of the wrong size', () => {
    expect(() => box.open({ [SEALED_KEY]: 'AAAA' }, 'c')).toThrow(/too short/);
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes, got 16/);
  });
});
