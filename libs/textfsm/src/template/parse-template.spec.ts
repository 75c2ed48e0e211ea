import { TextFsmError } from '../textfsm-error';
import { parseTemplate } from './parse-template';

const VALID = ['Value Key,Required NAME (\\S+)', 'Value List ITEMS (\\d+)', '', 'Start', '  ^${NAME} -> Record', ''].join('\n');

/** The error a template gives: its code, message and where. */
function failure(text: string): TextFsmError {
  try {
    parseTemplate(text, 'my.textfsm');
  } catch (error) {
    if (error instanceof TextFsmError) return error;
    throw error;
  }
  throw new Error('the template compiled');
}

const template = (values: string[], states: string) => [...values, '', states].join('\n');

describe('parseTemplate', () => {
  it('reads Values with their options in order, and states with their rules', () => {
    const parsed = parseTemplate(VALID, 'my.textfsm');
    expect(parsed.values.map((value) => [value.name, value.options])).toEqual([
      ['NAME', ['Key', 'Required']],
      ['ITEMS', ['List']],
    ]);
    expect([...parsed.states.keys()]).toEqual(['Start']);
    expect(parsed.states.get('Start')?.[0]).toMatchObject({ line: 5, lineAction: 'Next', recordAction: 'Record', newState: '' });
    expect(parsed.declaresEof).toBe(false);
  });

  it('reads every action form: Line.Record State, Record State, State, Error "message"', () => {
    const parsed = parseTemplate(
      template(['Value A (\\S+)'], ['Start', '  ^a -> Continue.Record', '  ^b -> Next.Clearall Other', '  ^c -> Clear Other', '  ^d -> Other', '  ^e -> Error "bad line"', '  ^f -> NoRecord', '', 'Other', '  ^x -> End', '', 'EOF'].join('\n')),
      't',
    );
    const rules = parsed.states.get('Start') ?? [];
    expect(rules.map((rule) => [rule.lineAction, rule.recordAction, rule.newState])).toEqual([
      ['Continue', 'Record', ''],
      ['Next', 'Clearall', 'Other'],
      ['Next', 'Clear', 'Other'],
      ['Next', 'NoRecord', 'Other'],
      ['Error', 'NoRecord', '"bad line"'],
      ['Next', 'NoRecord', ''],
    ]);
    expect(parsed.declaresEof).toBe(true);
  });

  it('skips comments anywhere', () => {
    const parsed = parseTemplate(['# about', 'Value A (\\S+)', '  # indented', '', '# before', 'Start', '  # in rules', '  ^${A} -> Record'].join('\n'), 't');
    expect(parsed.states.get('Start')).toHaveLength(1);
  });

  const cases: Array<[string, string, RegExp, number]> = [
    ['no Value', 'Start\n  ^x', /No Value definitions found/, 1],
    ['no blank line after the Values', 'Value A (x)\nStart\n  ^x', /Expected blank line after last Value entry/, 2],
    ['too few tokens', 'Value A\n\nStart', /Expect at least 3 tokens/, 1],
    ['an unknown option', 'Value Sometimes A (x)\n\nStart', /Unknown option "Sometimes"/, 1],
    ['a duplicate option', 'Value List,List A (x)\n\nStart', /Duplicate option "List"/, 1],
    ['a regex outside ()', 'Value Key A x+\n\nStart', /must be contained within a '\(\)' pair/, 1],
    ['a regex ending in \\)', 'Value A (x\\)\n\nStart', /must be contained within a '\(\)' pair/, 1],
    ['a duplicate Value', 'Value A (x)\nValue A (y)\n\nStart', /Duplicate declarations for Value 'A'/, 2],
    ['a bad Value regex', 'Value A ((x)\n\nStart', /Value A/, 1],
    ['an invalid state name', 'Value A (x)\n\nStart here', /Invalid state name: 'Start here'/, 3],
    ['a reserved state name', 'Value A (x)\n\nRecord', /Invalid state name: 'Record'/, 3],
    ['a duplicate state', 'Value A (x)\n\nStart\n  ^x\n\nStart', /Duplicate state name: 'Start'/, 6],
    ['no Start state', 'Value A (x)\n\nOther\n  ^x', /Missing state 'Start'/, 4],
    ['a rule without leading white space', 'Value A (x)\n\nStart\n^x', /Missing white space or carat/, 4],
    ['a lone $', 'Value A (x)\n\nStart\n  ^${A}$', /Duplicate or invalid variable substitution/, 4],
    ['an unknown ${VAR}', 'Value A (x)\n\nStart\n  ^${B}', /Duplicate or invalid variable substitution.*unknown Value B/, 4],
    ['an invalid rule regex', 'Value A (x)\n\nStart\n  ^(${A}', /Invalid regular expression/, 4],
    ['a badly formatted action', 'Value A (x)\n\nStart\n  ^x -> Record Next Other', /Badly formatted rule/, 4],
    ['Continue with a new state', 'Value A (x)\n\nStart\n  ^x -> Continue Other\n\nOther', /Action 'Continue' with new state Other/, 4],
    ['an unknown target state', 'Value A (x)\n\nStart\n  ^x -> Nowhere', /State 'Nowhere' not found, referenced in state 'Start'/, 4],
    ['a non-empty End state', 'Value A (x)\n\nStart\n  ^x\n\nEnd\n  ^y', /Non-Empty 'End' state/, 7],
    ['a non-empty EOF state', 'Value A (x)\n\nStart\n  ^x\n\nEOF\n  ^y', /Non-Empty 'EOF' state/, 7],
  ];
  it.each(cases)('refuses %s with TEXTFSM_TEMPLATE_INVALID naming the file and line', (_what, text, message, line) => {
    const error = failure(text);
    expect(error.code).toBe('TEXTFSM_TEMPLATE_INVALID');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`my.textfsm, line ${line}:`);
    expect(error.where).toEqual({ template: 'my.textfsm', templateLine: line });
  });

  it('refuses an empty template', () => {
    expect(failure('').message).toMatch(/Null template/);
  });
});
