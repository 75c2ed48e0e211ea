import { compilePythonRegex, type PythonRegex } from '../regex/python-regex';
import { substituteVariables } from './substitute-variables';

export type LineAction = 'Next' | 'Continue' | 'Error';
export type RecordAction = 'NoRecord' | 'Record' | 'Clear' | 'Clearall';

/** One `  ^regex -> Action State` line. */
export interface Rule {
  /** 1-based line in the template file. */
  readonly line: number;
  readonly regex: PythonRegex;
  readonly lineAction: LineAction;
  readonly recordAction: RecordAction;
  /** The state to go to; for an `Error` action, its message (quoted as written); '' for none. */
  readonly newState: string;
}

export class RuleSyntaxError extends Error {
  override readonly name = 'RuleSyntaxError';
}

// textfsm's TextFSMRule patterns. MATCH_ACTION is greedy: the action follows the last ` ->` of the line.
const MATCH_ACTION = /^(.*)(\s->(.*))/;
const LINE_OP = '(Continue|Next|Error)';
const RECORD_OP = '(Clear|Clearall|Record|NoRecord)';
const NEW_STATE = '(\\w+|".*")';
const ACTION = new RegExp(`^\\s+${LINE_OP}(\\.${RECORD_OP})?(\\s+${NEW_STATE})?$`);
const ACTION_RECORD_ONLY = new RegExp(`^\\s+${RECORD_OP}(\\s+${NEW_STATE})?$`);
const ACTION_STATE_ONLY = new RegExp(`^(\\s+${NEW_STATE})?$`);

/** textfsm's TextFSMRule: `values` maps each Value's name to its named regex, for `${Name}`. */
export function parseRule(text: string, line: number, values: ReadonlyMap<string, string>): Rule {
  const trimmed = text.trim();
  const matchAction = MATCH_ACTION.exec(trimmed);
  const match = matchAction ? matchAction[1] : trimmed;
  let pattern = match;
  if (values.size > 0) {
    try {
      pattern = substituteVariables(match, values);
    } catch (error) {
      throw new RuleSyntaxError(`Duplicate or invalid variable substitution: '${match}' (${(error as Error).message}).`);
    }
  }
  let regex: PythonRegex;
  try {
    regex = compilePythonRegex(pattern);
  } catch (error) {
    throw new RuleSyntaxError(`Invalid regular expression: '${pattern}' (${(error as Error).message}).`);
  }
  if (!matchAction) return { line, regex, lineAction: 'Next', recordAction: 'NoRecord', newState: '' };

  const action = matchAction[3];
  let lineAction: LineAction = 'Next';
  let recordAction: RecordAction = 'NoRecord';
  let newState = '';
  const full = ACTION.exec(action);
  if (full) {
    lineAction = full[1] as LineAction;
    recordAction = (full[3] as RecordAction | undefined) ?? 'NoRecord';
    newState = full[5] ?? '';
  } else {
    const recordOnly = ACTION_RECORD_ONLY.exec(action);
    if (recordOnly) {
      recordAction = recordOnly[1] as RecordAction;
      newState = recordOnly[3] ?? '';
    } else {
      const stateOnly = ACTION_STATE_ONLY.exec(action);
      if (!stateOnly) throw new RuleSyntaxError(`Badly formatted rule '${trimmed}'.`);
      newState = stateOnly[2] ?? '';
    }
  }
  if (lineAction === 'Continue' && newState) throw new RuleSyntaxError(`Action '${lineAction}' with new state ${newState} specified.`);
  if (lineAction !== 'Error' && newState && !/^\w/.test(newState)) throw new RuleSyntaxError('Alphanumeric characters only in state names.');
  return { line, regex, lineAction, recordAction, newState };
}
