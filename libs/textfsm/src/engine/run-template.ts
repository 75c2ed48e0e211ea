import { matchAtStart } from '../regex/python-regex';
import type { Rule } from '../template/rule';
import type { Template } from '../template/parse-template';
import type { ValueDefinition } from '../template/value-definition';
import { TextFsmError } from '../textfsm-error';
import { isSet, type FieldValue, type HeldValue, type NestedMatch } from './field-value';
import { splitLines } from './split-lines';

/** A template's output: the Value names in template order, and one row per record. */
export interface TextFsmTable {
  readonly header: readonly string[];
  readonly rows: FieldValue[][];
}

/**
 * Longer input lines are refused (TEXTFSM_RUNAWAY) before any rule sees them: the bound for the patterns V8's
 * linear-time fallback cannot run (python-regex.ts). Device output lines are a few hundred characters.
 */
export const MAX_LINE_LENGTH = 16_384;

/** Where a run is: [0] the 1-based input line, [1] the template line of the rule being tried (shared with a watcher). */
export type RunPosition = Int32Array;

/**
 * Runs a compiled template over `text` as textfsm's TextFSM.ParseText does; one call, one independent run. With
 * `position`, the run writes where it is before each line and each rule, so that a watcher on another thread can name
 * the rule and line of a run that no longer answers (guarded-parser.ts).
 */
export function runTemplate(template: Template, text: string, position?: RunPosition): TextFsmTable {
  return new TemplateRun(template, position).parse(text);
}

class SkipRecord extends Error {}

class TemplateRun {
  private readonly values: readonly ValueDefinition[];
  private readonly indexByName = new Map<string, number>();
  private readonly held: HeldValue[];
  private readonly filldown: HeldValue[];
  private readonly lists: (string | NestedMatch | null)[][];
  private readonly rows: FieldValue[][] = [];
  private stateName = 'Start';

  constructor(
    private readonly template: Template,
    private readonly position?: RunPosition,
  ) {
    this.values = template.values;
    this.values.forEach((value, index) => this.indexByName.set(value.name, index));
    this.held = this.values.map(() => null);
    this.filldown = this.values.map(() => null);
    this.lists = this.values.map(() => []);
  }

  parse(text: string): TextFsmTable {
    const lines = splitLines(text);
    let rules = this.rulesOf('Start');
    for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
      const line = lines[lineIndex];
      if (line.length > MAX_LINE_LENGTH) {
        throw new TextFsmError('TEXTFSM_RUNAWAY', `${this.template.name}: input line ${lineIndex + 1} is ${line.length} characters long, more than the ${MAX_LINE_LENGTH} a line may have`, {
          template: this.template.name,
          inputLine: lineIndex + 1,
        });
      }
      if (this.position) Atomics.store(this.position, 0, lineIndex + 1);
      rules = this.checkLine(rules, line, lineIndex + 1);
      if (this.stateName === 'End' || this.stateName === 'EOF') break;
    }
    if (this.stateName !== 'End' && !this.template.declaresEof) this.appendRecord();
    return { header: this.values.map((value) => value.name), rows: this.rows };
  }

  private rulesOf(state: string): readonly Rule[] {
    return this.template.states.get(state) ?? [];
  }

  /** TextFSM._CheckLine: the first rule that matches acts; `Continue` goes on to the next rule with the same line. */
  private checkLine(rules: readonly Rule[], line: string, lineNumber: number): readonly Rule[] {
    for (const rule of rules) {
      if (this.position) Atomics.store(this.position, 1, rule.line);
      const match = matchAtStart(rule.regex, line);
      if (match === null) continue;
      const groups = match.groups;
      if (groups) {
        for (const name of rule.regex.groupNames) {
          const index = this.indexByName.get(name);
          if (index !== undefined) this.assign(index, groups[name] ?? null);
        }
      }
      if (rule.recordAction === 'Record') this.appendRecord();
      else if (rule.recordAction === 'Clear') this.clearRecord();
      else if (rule.recordAction === 'Clearall') this.clearAll();
      if (rule.lineAction === 'Error') throw this.errorAction(rule, line, lineNumber);
      if (rule.lineAction === 'Continue') continue;
      if (rule.newState) {
        this.stateName = rule.newState;
        if (rule.newState !== 'End' && rule.newState !== 'EOF') return this.rulesOf(rule.newState);
      }
      return rules;
    }
    return rules;
  }

  private errorAction(rule: Rule, line: string, lineNumber: number): TextFsmError {
    const what = rule.newState ? `Error: ${rule.newState}` : 'State Error raised';
    return new TextFsmError('TEXTFSM_ERROR_ACTION', `${this.template.name}: ${what} (rule on template line ${rule.line}, input line ${lineNumber}: ${JSON.stringify(line)})`, {
      template: this.template.name,
      templateLine: rule.line,
      inputLine: lineNumber,
    });
  }

  /** TextFSMValue.AssignVar and each option's OnAssignVar, in the template's order. */
  private assign(index: number, text: string | null): void {
    const value = this.values[index];
    this.held[index] = text;
    for (const option of value.options) {
      if (option === 'Filldown') this.filldown[index] = text;
      else if (option === 'Fillup') this.fillUp(index, text);
      else if (option === 'List') this.lists[index].push(this.listItem(value, text));
    }
  }

  private listItem(value: ValueDefinition, text: string | null): string | NestedMatch | null {
    if (value.nested === null) return text;
    if (text === null) {
      throw new TextFsmError('TEXTFSM_TEMPLATE_INVALID', `${this.template.name}: List value ${value.name} has nested groups but its group did not take part in the match (textfsm fails here too)`, {
        template: this.template.name,
      });
    }
    const match = matchAtStart(value.nested, text);
    if (match === null || value.nested.groupNames.length === 0) return text;
    const item: Record<string, string | null> = {};
    for (const name of value.nested.groupNames) item[name] = match.groups?.[name] ?? null;
    return item;
  }

  /** Fillup: copies the value up into the records above until one has it set. */
  private fillUp(index: number, text: string | null): void {
    if (text === null || text === '') return;
    for (let row = this.rows.length - 1; row >= 0; row--) {
      if (isSet(this.rows[row][index])) break;
      this.rows[row][index] = text;
    }
  }

  /** TextFSM._AppendRecord: each Value's OnSaveRecord (Required may skip the record), then the record unless all empty. */
  private appendRecord(): void {
    if (this.values.length === 0) return;
    try {
      this.values.forEach((value, index) => this.saveValue(value, index));
    } catch (error) {
      if (!(error instanceof SkipRecord)) throw error;
      this.clearRecord();
      return;
    }
    if (this.held.every((value) => value === null || (Array.isArray(value) && value.length === 0))) return;
    this.rows.push(this.held.map((value) => value ?? ''));
    this.clearRecord();
  }

  private saveValue(value: ValueDefinition, index: number): void {
    for (const option of value.options) {
      if (option === 'Required' && !isSet(this.held[index])) throw new SkipRecord();
      if (option === 'List') this.held[index] = [...this.lists[index]];
    }
  }

  /** `Clear`: every value empty except Filldown ones, which keep their last value. */
  private clearRecord(): void {
    this.values.forEach((value, index) => {
      this.held[index] = null;
      for (const option of value.options) {
        if (option === 'Filldown') this.held[index] = this.filldown[index];
        else if (option === 'List' && !value.options.includes('Filldown')) this.lists[index] = [];
      }
    });
  }

  /** `Clearall`: every value empty, Filldown ones too. */
  private clearAll(): void {
    this.values.forEach((value, index) => {
      this.held[index] = null;
      for (const option of value.options) {
        if (option === 'Filldown') this.filldown[index] = null;
        else if (option === 'List') this.lists[index] = [];
      }
    });
  }
}
