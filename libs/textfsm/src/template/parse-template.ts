import { TextFsmError } from '../textfsm-error';
import { parseRule, RuleSyntaxError, type Rule } from './rule';
import { parseValueLine, ValueSyntaxError, type ValueDefinition } from './value-definition';

/** A compiled template: what `runTemplate` runs. Immutable, so one compile serves every parse. */
export interface Template {
  /** The file name (or whatever the caller named it): every error names it. */
  readonly name: string;
  readonly values: readonly ValueDefinition[];
  /** Each state's rules, `Start` first; `End` is not kept (it must be empty). */
  readonly states: ReadonlyMap<string, readonly Rule[]>;
  /** The template declares an (empty) `EOF` state: no implicit record at the end of the input. */
  readonly declaresEof: boolean;
}

const COMMENT = /^\s*#/;
const STATE_NAME = /^\w+$/;
const MAX_NAME_LENGTH = 48;
const RESERVED_STATE_NAMES = new Set(['Continue', 'Next', 'Error', 'Clear', 'Clearall', 'Record', 'NoRecord']);
const RULE_START = [' ^', '  ^', '\t^'];

/**
 * Compiles a template as textfsm 2.x does (TextFSM._Parse): a block of Values, a blank line, then states separated
 * by blank lines. Throws TEXTFSM_TEMPLATE_INVALID naming `name` and the 1-based line.
 */
export function parseTemplate(text: string, name: string): Template {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let cursor = 0;
  const invalid = (message: string, line = cursor): TextFsmError =>
    new TextFsmError('TEXTFSM_TEMPLATE_INVALID', `${name}, line ${line}: ${message}`, { template: name, templateLine: line });

  if (text === '') throw invalid('Null template.', 0);
  const values: ValueDefinition[] = [];
  const substitutions = new Map<string, string>();
  while (cursor < lines.length) {
    const line = lines[cursor++].trimEnd();
    if (line === '') break;
    if (COMMENT.test(line)) continue;
    if (line.startsWith('Value ')) {
      let value: ValueDefinition;
      try {
        value = parseValueLine(line);
      } catch (error) {
        if (error instanceof ValueSyntaxError) throw invalid(error.message);
        throw error;
      }
      if (substitutions.has(value.name)) throw invalid(`Duplicate declarations for Value '${value.name}'.`);
      values.push(value);
      substitutions.set(value.name, value.substitution);
    } else if (values.length === 0) {
      throw invalid('No Value definitions found.');
    } else {
      throw invalid('Expected blank line after last Value entry.');
    }
  }

  const states = new Map<string, Rule[]>();
  for (;;) {
    let stateName = '';
    while (cursor < lines.length) {
      const line = lines[cursor++].trimEnd();
      if (line === '' || COMMENT.test(line)) continue;
      if (!STATE_NAME.test(line) || line.length > MAX_NAME_LENGTH || RESERVED_STATE_NAMES.has(line)) throw invalid(`Invalid state name: '${line}'.`);
      if (states.has(line)) throw invalid(`Duplicate state name: '${line}'.`);
      stateName = line;
      states.set(stateName, []);
      break;
    }
    if (stateName === '') break;
    const rules = states.get(stateName) ?? [];
    while (cursor < lines.length) {
      const line = lines[cursor++].trimEnd();
      if (line === '') break;
      if (COMMENT.test(line)) continue;
      if (!RULE_START.some((start) => line.startsWith(start))) throw invalid("Missing white space or carat ('^') before rule.");
      try {
        rules.push(parseRule(line, cursor, substitutions));
      } catch (error) {
        if (error instanceof RuleSyntaxError) throw invalid(error.message);
        throw error;
      }
    }
  }

  const where = lines.length;
  if (!states.has('Start')) throw invalid("Missing state 'Start'.", where);
  if ((states.get('End') ?? []).length > 0) throw invalid("Non-Empty 'End' state.", states.get('End')?.[0]?.line);
  if ((states.get('EOF') ?? []).length > 0) throw invalid("Non-Empty 'EOF' state.", states.get('EOF')?.[0]?.line);
  states.delete('End');
  for (const [state, rules] of states) {
    for (const rule of rules) {
      if (rule.lineAction === 'Error' || !rule.newState || rule.newState === 'End' || rule.newState === 'EOF') continue;
      if (!states.has(rule.newState)) throw invalid(`State '${rule.newState}' not found, referenced in state '${state}'.`, rule.line);
    }
  }
  return { name, values, states, declaresEof: states.has('EOF') };
}
