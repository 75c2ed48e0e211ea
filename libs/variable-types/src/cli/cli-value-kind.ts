import type { JsonValue } from '@yardmaster/contracts';

/**
 * What JSON a `--data` value on the command line becomes. `list` is an array of strings: a JSON array, or
 * comma-separated text. `number` and `unknown` serve variables known only by their JSON Schema.
 */
export type CliValueKind = 'integer' | 'number' | 'boolean' | 'string' | 'list' | 'json' | 'unknown';

export type CliValueCoercion = { ok: true; value: JsonValue } | { ok: false; message: string };

const TRUE_WORDS = ['true', 'yes', 'y', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'n', 'off', '0'];

/**
 * Turns the text given on the command line into the JSON value its variable takes: integer → number,
 * boolean → true/false (also yes/no, on/off, 1/0), a list → a JSON array or comma-separated values, JSON →
 * parsed (text that is not JSON stays text, unless it opens like JSON), the rest as text. A variable the job
 * does not have is sent as text, or as JSON when it reads as an object or array, for the API to judge.
 */
export function coerceCliValue(raw: string, kind: CliValueKind): CliValueCoercion {
  const text = raw.trim();
  // Nothing given: the API treats an empty value as absent and fills in the variable's default.
  if (text === '') return { ok: true, value: '' };
  switch (kind) {
    case 'integer': {
      const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, message: `must be a whole number, not ${JSON.stringify(raw)}` };
    }
    case 'number': {
      const value = Number(text);
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `must be a number, not ${JSON.stringify(raw)}` };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.includes(word)) return { ok: true, value: true };
      if (FALSE_WORDS.includes(word)) return { ok: true, value: false };
      return { ok: false, message: `must be true or false, not ${JSON.stringify(raw)}` };
    }
    case 'list': {
      if (!text.startsWith('[')) return { ok: true, value: text.split(',').map((item) => item.trim()).filter((item) => item !== '') };
      const parsed = parseJson(text);
      return parsed.ok && Array.isArray(parsed.value)
        ? parsed
        : { ok: false, message: `must be a JSON array or comma-separated values, not ${JSON.stringify(raw)}` };
    }
    case 'json': {
      const parsed = parseJson(text);
      if (parsed.ok) return parsed;
      // `--data note=hello` means the text "hello"; `{"a":` is a mistake.
      if (/^[[{"]/.test(text)) return { ok: false, message: `must be JSON, e.g. {"key":"value"} or [1,2], not ${JSON.stringify(raw)}` };
      return { ok: true, value: raw };
    }
    case 'unknown':
      if (/^[[{]/.test(text)) {
        const parsed = parseJson(text);
        if (parsed.ok) return parsed;
      }
      return { ok: true, value: raw };
    case 'string':
      return { ok: true, value: raw };
  }
}

function parseJson(text: string): { ok: true; value: JsonValue } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    return { ok: false };
  }
}
