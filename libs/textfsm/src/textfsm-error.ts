/**
 * Every failure of the library has one of these codes; the message names the template file and, where there is one,
 * the template line and the input line.
 */
export type TextFsmErrorCode =
  /** The template does not compile: bad syntax, an unknown option or state, a regular expression JavaScript or Python refuses. */
  | 'TEXTFSM_TEMPLATE_INVALID'
  /** An `Error` action matched the input (the template's way of refusing output it does not understand). */
  | 'TEXTFSM_ERROR_ACTION'
  /** A rule's regular expression ran away (catastrophic backtracking) on an input line, or the input is too large. */
  | 'TEXTFSM_RUNAWAY'
  /** The index has no template for this platform and command. */
  | 'TEXTFSM_NO_TEMPLATE'
  /** The index file is missing or malformed, or names a template file that does not exist. */
  | 'TEXTFSM_INDEX_INVALID'
  /** ntc-templates is not installed in .yard/ (and no other template folder was given). */
  | 'TEXTFSM_TEMPLATES_MISSING';

export class TextFsmError extends Error {
  override readonly name = 'TextFsmError';

  constructor(
    readonly code: TextFsmErrorCode,
    message: string,
    /** Where: the template file (or index), its 1-based line, and the input line when parsing. */
    readonly where: { readonly template?: string; readonly templateLine?: number; readonly inputLine?: number } = {},
  ) {
    super(message);
  }
}
