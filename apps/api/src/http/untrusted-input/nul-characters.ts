/** PostgreSQL refuses U+0000 in text and jsonb, so a value holding it would be accepted here and fail in storage. */
const NUL = '\u0000';

/** How a field holding NUL is named in an error: the NUL itself written as `\u0000`, so the name can be printed. */
function printable(name: string): string {
  return name.split(NUL).join('\\u0000');
}

function fieldOf(at: string, key: string): string {
  return at === '' ? printable(key) : `${at}.${printable(key)}`;
}

/**
 * The fields of `value` that hold a NUL character anywhere, in a string or in an object's key, at any depth, named
 * from `at` as field errors name them (`data.name`, `query.tag[1]`). Iterative, so a value of any depth is walked
 * without recursion. Empty when there is none.
 */
export function fieldsHoldingNul(value: unknown, at: string): string[] {
  const found: string[] = [];
  const pending: Array<{ readonly value: unknown; readonly at: string }> = [{ value, at }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value === 'string') {
      if (next.value.includes(NUL)) found.push(next.at);
    } else if (Array.isArray(next.value)) {
      next.value.forEach((item, index) => pending.push({ value: item, at: `${next.at}[${index}]` }));
    } else if (next.value !== null && typeof next.value === 'object' && !ArrayBuffer.isView(next.value)) {
      for (const [key, item] of Object.entries(next.value)) {
        const field = fieldOf(next.at, key);
        if (key.includes(NUL)) found.push(field);
        else pending.push({ value: item, at: field });
      }
    }
  }
  return found.sort();
}
