import { parseTemplate } from '../template/parse-template';
import { TextFsmError } from '../textfsm-error';
import { MAX_LINE_LENGTH, runTemplate } from './run-template';

/** Compiles `lines` as a template and runs it over `input`: the header and rows. */
const run = (lines: string[], input: string) => runTemplate(parseTemplate(lines.join('\n'), 'test.textfsm'), input);
const rows = (lines: string[], input: string) => run(lines, input).rows;

describe('runTemplate', () => {
  it('records on Record and, implicitly, at the end of the input; ${VAR} and $VAR both substitute', () => {
    const template = ['Value NAME (\\S+)', 'Value STATE (up|down)', '', 'Start', '  ^${NAME} is $STATE -> Record'];
    const result = run(template, 'eth0 is up\neth1 is down\nnoise\n');
    expect(result.header).toEqual(['NAME', 'STATE']);
    expect(result.rows).toEqual([
      ['eth0', 'up'],
      ['eth1', 'down'],
    ]);
    expect(rows(['Value A (\\d+)', '', 'Start', '  ^a=${A}'], 'a=1\na=2\n')).toEqual([['2']]);
  });

  it('never records an all-empty record, but an empty string counts as a value', () => {
    expect(rows(['Value A (\\d*)', 'Value B (x)', '', 'Start', '  ^b ${B}', '  ^. -> Record'], 'z\nz\n')).toEqual([]);
    expect(rows(['Value A (\\d*)', '', 'Start', '  ^a${A}$$ -> Record'], 'a\n')).toEqual([['']]);
  });

  it('Filldown keeps a value for the records that follow; Clearall forgets it', () => {
    const template = ['Value Filldown VRF (\\S+)', 'Value ROUTE (\\S+)', '', 'Start', '  ^VRF ${VRF}', '  ^route ${ROUTE} -> Record', '  ^reset -> Clearall'];
    expect(rows(template, 'VRF red\nroute 1\nroute 2\nVRF blue\nroute 3\nreset\nroute 4\n')).toEqual([
      ['red', '1'],
      ['red', '2'],
      ['blue', '3'],
      ['', '4'],
    ]);
  });

  // Expected rows here were checked against textfsm 2.1.0 (Python) itself.
  it('Fillup copies a value up into the records above until one has it', () => {
    const template = ['Value NAME (\\S+)', 'Value Fillup AREA (\\d+)', '', 'Start', '  ^if ${NAME} -> Record', '  ^area ${AREA}'];
    expect(rows(template, 'if a\nif b\narea 7\nif c\n')).toEqual([
      ['a', '7'],
      ['b', '7'],
      ['c', '7'],
    ]);
    expect(rows(['Value NAME (\\S+)', 'Value Fillup AREA (\\d+)', '', 'Start', '  ^if ${NAME} -> Record', '  ^area ${AREA} -> Clear'], 'if a\nif b\narea 7\nif c\n')).toEqual([
      ['a', '7'],
      ['b', '7'],
      ['c', ''],
    ]);
  });

  it('Required drops a record without the value (clearing it)', () => {
    const template = ['Value Required NAME (\\S+)', 'Value DESCR (.+)', '', 'Start', '  ^name ${NAME}', '  ^descr ${DESCR}', '  ^end -> Record'];
    expect(rows(template, 'descr lost\nend\nname b\nend\n')).toEqual([['b', '']]);
  });

  it('Key marks a value without changing parsing', () => {
    const parsed = parseTemplate(['Value Key A (\\S+)', '', 'Start', '  ^${A} -> Record'].join('\n'), 't');
    expect(parsed.values[0].options).toEqual(['Key']);
    expect(runTemplate(parsed, 'x\n').rows).toEqual([['x']]);
  });

  it('List collects every match into a list, and named groups make each item a record', () => {
    expect(rows(['Value NAME (\\S+)', 'Value List MEMBERS (\\S+)', '', 'Start', '  ^group ${NAME}', '  ^  member ${MEMBERS}', '  ^end -> Record'], 'group g\n  member a\n  member b\nend\ngroup h\nend\n')).toEqual([
      ['g', ['a', 'b']],
      ['h', []],
    ]);
    expect(rows(['Value List PEOPLE ((?P<name>\\w+)\\s+(?P<age>\\d+)?)', '', 'Start', '  ^${PEOPLE}'], 'Bob 32\nAnn \n')).toEqual([
      [
        [
          { name: 'Bob', age: '32' },
          { name: 'Ann', age: null },
        ],
      ],
    ]);
  });

  it('Filldown with List keeps the list across records', () => {
    expect(rows(['Value Filldown,List L (\\d)', 'Value X (x)', '', 'Start', '  ^${L}', '  ^${X} -> Record'], '1\nx\n2\nx\n')).toEqual([
      [['1'], 'x'],
      [['1', '2'], 'x'],
      // The implicit record at the end: the Filldown list is not empty.
      [['1', '2'], ''],
    ]);
  });

  it('Continue tries the next rules with the same line; Next (the default) moves to the next line', () => {
    const template = ['Value A (\\w)', 'Value B (\\w)', '', 'Start', '  ^${A} -> Continue', '  ^\\w ${B} -> Record', '  ^. -> Record'];
    expect(rows(template, 'a b\n')).toEqual([['a', 'b']]);
    expect(rows(['Value A (\\w)', '', 'Start', '  ^${A} -> Next', '  ^a -> Record'], 'a\n')).toEqual([['a']]);
  });

  it('Clear empties the record except Filldown values; NoRecord does nothing', () => {
    const template = ['Value Filldown F (\\w)', 'Value A (\\w)', '', 'Start', '  ^f${F}', '  ^a${A}', '  ^clear -> Clear', '  ^keep -> NoRecord', '  ^rec -> Record'];
    // The implicit record at the end keeps the Filldown value too.
    expect(rows(template, 'fx\nay\nclear\nkeep\nrec\n')).toEqual([
      ['x', ''],
      ['x', ''],
    ]);
  });

  it('moves between states, ends on End without the implicit record, and an EOF state suppresses it', () => {
    const states = ['Start', '  ^begin -> Body', '', 'Body', '  ^${A} -> Record', '  ^stop -> End'];
    expect(rows(['Value A (\\d+)', '', ...states], '1\nbegin\n2\nstop\n3\n')).toEqual([['2']]);
    expect(rows(['Value A (\\d+)', '', 'Start', '  ^${A}'], '5\n')).toEqual([['5']]);
    expect(rows(['Value A (\\d+)', '', 'Start', '  ^${A}', '', 'EOF'], '5\n')).toEqual([]);
    expect(rows(['Value A (\\d+)', '', 'Start', '  ^${A} -> EOF'], '5\n6\n')).toEqual([['5']]);
  });

  it("splits lines as Python's splitlines does", () => {
    expect(rows(['Value A (\\d)', '', 'Start', '  ^${A}$$ -> Record'], '1\r\n2\r3\n')).toEqual([['1'], ['2'], ['3']]);
  });

  it('raises TEXTFSM_ERROR_ACTION on an Error rule, naming the template, the rule line, the input line and the message', () => {
    const template = ['Value A (\\d)', '', 'Start', '  ^${A} -> Record', '  ^.+ -> Error "unexpected"', '  ^$$ -> Error'];
    expect(() => rows(template, '1\nboom\n')).toThrow(
      expect.objectContaining({ code: 'TEXTFSM_ERROR_ACTION', where: { template: 'test.textfsm', templateLine: 5, inputLine: 2 }, message: 'test.textfsm: Error: "unexpected" (rule on template line 5, input line 2: "boom")' }),
    );
    expect(() => rows(template, '\n')).toThrow(/State Error raised \(rule on template line 6, input line 1/);
  });

  it('finishes a catastrophically backtracking rule quickly (V8 falls back to its linear-time engine)', () => {
    const started = Date.now();
    expect(rows(['Value A ((a+)+)', '', 'Start', '  ^${A}$$ -> Record'], `${'a'.repeat(40)}b\n`)).toEqual([]);
    // Without the bound this line takes hours; the generous limit only guards against a hang, not speed.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses an input line longer than MAX_LINE_LENGTH with TEXTFSM_RUNAWAY naming the line', () => {
    const error = (() => {
      try {
        rows(['Value A (.*)', '', 'Start', '  ^${A}'], `ok\n${'x'.repeat(MAX_LINE_LENGTH + 1)}\n`);
      } catch (caught) {
        return caught as TextFsmError;
      }
      throw new Error('parsed');
    })();
    expect(error.code).toBe('TEXTFSM_RUNAWAY');
    expect(error.where).toEqual({ template: 'test.textfsm', inputLine: 2 });
  });
});
