/** Headers a parked message carries: where it came from and why it was parked. Its payload is the original one. */
export const ParkedHeader = {
  stream: 'Yard-Parked-Stream',
  subject: 'Yard-Parked-Subject',
  sequence: 'Yard-Parked-Sequence',
  consumer: 'Yard-Parked-Consumer',
  reason: 'Yard-Parked-Reason',
  errorCode: 'Yard-Parked-Error-Code',
  deliveries: 'Yard-Parked-Deliveries',
  parkedAt: 'Yard-Parked-At',
} as const;

const MAX_REASON_LENGTH = 500;

/** A header value holds one line: the error's first 500 characters, line breaks made spaces. */
export function headerSafe(text: string): string {
  return text.replace(/[\r\n\0]+/g, ' ').slice(0, MAX_REASON_LENGTH);
}

/** The error's message (never its stack or its wrapped causes, which could quote values) and its code, if it has one. */
export function failureOf(error: unknown): { reason: string; errorCode: string | null } {
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return { reason: headerSafe(reason || 'no message'), errorCode: typeof code === 'string' && code !== '' ? headerSafe(code) : null };
}
