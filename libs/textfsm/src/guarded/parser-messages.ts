import type { TextFsmError, TextFsmErrorCode } from '../textfsm-error';
import type { TextFsmRecord } from '../templates/to-records';

/** What the guarded parser's thread starts with. */
export interface ParserWorkerData {
  readonly folders: readonly string[];
  /** Two Int32 slots (run-template.ts RunPosition): the input line and the template line of the rule being tried. */
  readonly position: SharedArrayBuffer;
}

export interface ParserRequest {
  readonly id: number;
  readonly platform: string;
  readonly command: string;
  readonly output: string;
}

export type ParserReply =
  | { readonly id: number; readonly kind: 'template'; readonly name: string }
  | { readonly id: number; readonly kind: 'records'; readonly records: TextFsmRecord[] }
  | { readonly id: number; readonly kind: 'error'; readonly code: TextFsmErrorCode | null; readonly message: string; readonly where: TextFsmError['where'] };
