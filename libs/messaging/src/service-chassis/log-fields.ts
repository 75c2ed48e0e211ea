import { YardError } from '@yardmaster/contracts';

/**
 * How an error goes into a log line: an expected one (a YardError, which has a code) as its code and message,
 * one line with no stack; anything else as `err`, which pino writes with its type, message and stack.
 */
export function errorLogFields(error: unknown): { code: string; error: string } | { err: unknown } {
  if (error instanceof YardError) return { code: error.code, error: error.message };
  return { err: error instanceof Error ? error : new Error(String(error)) };
}
