import { createPalette, stripAnsi } from './colours';
import { renderTable, visibleWidth } from './table';

describe('renderTable', () => {
  it('pads each column to its widest cell, two spaces apart, without trailing spaces', () => {
    const table = renderTable(
      ['ID', 'NAME', 'INSTALLED'],
      [
        ['examples.HelloWorld', 'Hello World', 'yes'],
        ['a.B', 'B', 'no'],
      ],
    );
    expect(table).toBe(['ID                   NAME         INSTALLED', 'examples.HelloWorld  Hello World  yes', 'a.B                  B            no', ''].join('\n'));
  });

  it('measures cells without their colour codes, so coloured columns still line up', () => {
    const palette = createPalette(true);
    const table = renderTable(['STATUS', 'JOB'], [[palette.green('completed'), 'a'], [palette.red('failed'), 'b']], { header: palette.bold });
    expect(table).toContain('\u001b[');
    expect(stripAnsi(table)).toBe(['STATUS     JOB', 'completed  a', 'failed     b', ''].join('\n'));
  });

  it('keeps a row on one line, and fills missing cells with nothing', () => {
    expect(renderTable(['A', 'B', 'C'], [['one\ntwo', 'x']])).toBe(['A        B  C', 'one two  x', ''].join('\n'));
  });

  it('prints only the header for no rows', () => {
    expect(renderTable(['ID', 'NAME'], [])).toBe('ID  NAME\n');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(visibleWidth('🚀ab')).toBe(3);
    expect(visibleWidth('\u001b[31mred\u001b[39m')).toBe(3);
  });
});
