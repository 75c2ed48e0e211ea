import type { NamedVariableDefinition } from '@yardmaster/contracts';
import { describeConstraints } from './job';

describe('describeConstraints of object variables', () => {
  it('names the model and the query filters', () => {
    const variable = { name: 'devices', type: 'multi_object', label: 'Devices', description: '', required: true, model: 'device', displayField: 'name', queryFilters: { site: '$site', status: 'active' } } as NamedVariableDefinition;
    expect(describeConstraints(variable)).toBe('id of a device; where site=$site, status=active');
  });
});
