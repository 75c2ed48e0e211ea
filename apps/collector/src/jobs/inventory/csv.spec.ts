import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('splits rows and fields, keeping the line each row starts on and skipping blank lines', () => {
    expect(parseCsv('name,site\nsw1,fra1\r\n\nsw2,fra2')).toEqual([
      { line: 1, fields: ['name', 'site'] },
      { line: 2, fields: ['sw1', 'fra1'] },
      { line: 4, fields: ['sw2', 'fra2'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\nnext,,x,\n')).toEqual([
      { line: 1, fields: ['a', 'b, c', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['next', '', 'x', ''] },
    ]);
  });
});
