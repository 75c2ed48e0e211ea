import { mergeTables } from './merge-tables';

describe('mergeTables (clitable, several templates on one index line)', () => {
  const first = { header: ['PORT', 'STATUS'], rows: [['Gi1', 'up'], ['Gi2', 'down'], ['Gi3', 'up']] };

  it('without Keys, adds the new columns row by row; rows beyond the other table get ""', () => {
    const other = { header: ['PORT', 'SPEED'], rows: [['x', '1G'], ['y', '10G']] };
    expect(mergeTables(first, [{ table: other, keys: [] }])).toEqual({
      header: ['PORT', 'STATUS', 'SPEED'],
      rows: [['Gi1', 'up', '1G'], ['Gi2', 'down', '10G'], ['Gi3', 'up', '']],
    });
  });

  it('with Keys, takes the new columns from the first row with the same key values', () => {
    const other = { header: ['PORT', 'SPEED'], rows: [['Gi3', '100M'], ['Gi1', '1G'], ['Gi1', 'ignored']] };
    expect(mergeTables(first, [{ table: other, keys: ['PORT'] }]).rows).toEqual([['Gi1', 'up', '1G'], ['Gi2', 'down', ''], ['Gi3', 'up', '100M']]);
  });

  it('adds nothing when the other table has no new column, and refuses a Key the table lacks', () => {
    expect(mergeTables(first, [{ table: { header: ['STATUS'], rows: [['x']] }, keys: [] }])).toEqual(first);
    expect(() => mergeTables(first, [{ table: { header: ['SPEED'], rows: [] }, keys: ['VLAN'] }])).toThrow("Unknown key: 'VLAN'");
  });
});
