import { resolvedFilter } from './check-object-variables';

describe('resolvedFilter', () => {
  it('replaces $name by the value of that variable in the same request', () => {
    expect(resolvedFilter({ site: '$site', status: 'active', tag: ['core'] }, { site: '6f1d3c0e-2a4b-4c5d-8e9f-0a1b2c3d4e5f' })).toEqual({
      site: '6f1d3c0e-2a4b-4c5d-8e9f-0a1b2c3d4e5f',
      status: 'active',
      tag: ['core'],
    });
  });

  it('drops a filter on a variable the request left empty, as a form offers every choice then', () => {
    expect(resolvedFilter({ site: '$site', hasPrimaryAddress: true }, {})).toEqual({ hasPrimaryAddress: true });
  });
});
