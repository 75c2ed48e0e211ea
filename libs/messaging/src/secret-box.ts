import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SEALED_KEY, type JsonValue, type SealedValue } from '@yardmaster/contracts';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that cannot be opened: another key sealed it, or it was changed or moved to another context. */
export class SealedValueError extends Error {
  readonly code = 'SEALED_VALUE_UNREADABLE';

  constructor(message: string) {
    super(message);
    this.name = 'SealedValueError';
  }
}

/**
 * Seals JSON values with AES-256-GCM under the instance's secrets key, so sensitive run data crosses Temporal
 * (workflow input and history) unreadable. `context` is authenticated, not encrypted: a value sealed for one
 * run's variable does not open as another's. The sealed text is the IV, then the ciphertext, then the tag.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== KEY_BYTES) throw new Error(`A secrets key is ${KEY_BYTES} bytes, got ${key.length}`);
    this.key = Buffer.from(key);
  }

  seal(value: JsonValue, context: string): SealedValue {
    // A fresh IV per value: GCM must never reuse one with the same key.
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { [SEALED_KEY]: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64') };
  }

  open(sealed: SealedValue, context: string): JsonValue {
    const bytes = Buffer.from(sealed[SEALED_KEY], 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueError('The sealed value is too short to be one');
    const decipher = createDecipheriv(ALGORITHM, this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const clear = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
      return JSON.parse(clear.toString('utf8')) as JsonValue;
    } catch {
      throw new SealedValueError('The sealed value does not open with this secrets key: it was sealed with another key, or changed');
    }
  }
}
