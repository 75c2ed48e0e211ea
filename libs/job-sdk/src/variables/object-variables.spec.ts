import { describeJob } from '../catalog/describe-job';
import { Job, type JobClass, type JobModule } from '../job';
import { variablesToJsonSchema } from './json-schema';
import { validateRunData } from './validate-run-data';
import { multiObjectVar, objectVar, stringVar, type JobData } from './variable-builders';

const SITE = '6f1d3c0e-2a4b-4c5d-8e9f-0a1b2c3d4e5f';
const DEVICE_A = '0b6c2a52-7f7e-4f4e-9a43-3f0e8c1d2b10';
const DEVICE_B = '1c7d3b63-8a8f-4a5f-8b54-4a1f9d2e3c21';

describe('objectVar and multiObjectVar', () => {
  it('describe the model, a display field (name by default), filters and a null option', () => {
    expect(objectVar({ model: 'site' })).toEqual({ type: 'object', label: '', description: '', required: true, model: 'site', displayField: 'name' });
    expect(multiObjectVar({ model: 'device', required: false, displayField: 'primaryAddress', queryFilters: { site: '$site', status: 'active' }, nullOption: 'None' })).toEqual({
      type: 'multi_object',
      label: '',
      description: '',
      required: false,
      model: 'device',
      displayField: 'primaryAddress',
      queryFilters: { site: '$site', status: 'active' },
      nullOption: 'None',
    });
  });

  it('give job code the record types of their model', () => {
    const data = {} as JobData<{ site: ReturnType<typeof objectVar<'site', { model: 'site' }>>; devices: ReturnType<typeof multiObjectVar<'device', { model: 'device'; required: false }>> }>;
    // Compile-time checks: a site has a slug, devices may be absent and have a siteId.
    const slug: string = data.site?.slug;
    const siteIds: string[] | undefined = data.devices?.map((device) => device.siteId);
    expect([slug, siteIds]).toEqual([undefined, undefined]);
  });

  it('refuse an unknown model, a display field the model lacks, a filter it does not have, and a null option on a required variable', () => {
    expect(() => objectVar({ model: 'rack' as 'site' })).toThrow('objectVar: model must be one of site, device_role, platform, tag, device, interface, ip_address, ip_neighbour, mac_entry, lldp_neighbour, inventory_item, got "rack"');
    expect(() => objectVar({ model: 'device', displayField: 'slug' })).toThrow('objectVar: displayField of a device must be one of name, primaryAddress, oobAddress, status, got "slug"');
    expect(() => multiObjectVar({ model: 'site', queryFilters: { role: 'core' } })).toThrow('multiObjectVar: queryFilters of a site may use q, name, slug, status, not "role"');
    expect(() => objectVar({ model: 'platform', nullOption: 'None' })).toThrow('objectVar: nullOption is only for a variable declared required: false');
  });
});

describe('run data of object variables', () => {
  const variables = [
    { ...objectVar({ model: 'site' }), name: 'site' },
    { ...multiObjectVar({ model: 'device', required: false }), name: 'devices' },
  ];

  it('accepts ids, in lower case, and treats [] as not given', () => {
    expect(validateRunData(variables, { site: SITE.toUpperCase(), devices: [DEVICE_A, DEVICE_B] })).toEqual({ ok: true, data: { site: SITE, devices: [DEVICE_A, DEVICE_B] } });
    expect(validateRunData(variables, { site: SITE, devices: [] })).toEqual({ ok: true, data: { site: SITE } });
  });

  it('refuses what is not an id, and an id listed twice, one error per field', () => {
    expect(validateRunData(variables, { site: 'fra1', devices: [DEVICE_A, DEVICE_A] })).toEqual({
      ok: false,
      errors: [
        { field: 'data.site', message: 'must be the id (a UUID) of a site' },
        { field: 'data.devices', message: `must not list an id twice: ${DEVICE_A}` },
      ],
    });
    expect(validateRunData(variables, { devices: 'edge-01' })).toEqual({
      ok: false,
      errors: [
        { field: 'data.site', message: 'is required' },
        { field: 'data.devices', message: 'must be an array of ids (UUIDs) of device records' },
      ],
    });
  });
});

describe('the JSON Schema of object variables', () => {
  it('asks for UUIDs and carries what a form needs to list the choices', () => {
    const schema = variablesToJsonSchema([
      { ...objectVar({ model: 'site', required: false, nullOption: 'Any' }), name: 'site' },
      { ...multiObjectVar({ model: 'device', queryFilters: { site: '$site' } }), name: 'devices' },
    ]);
    expect(schema.properties).toMatchObject({
      site: { type: 'string', format: 'uuid', 'x-widget': 'object', 'x-model': 'site', 'x-display-field': 'name', 'x-null-option': 'Any' },
      devices: { type: 'array', items: { type: 'string', format: 'uuid' }, uniqueItems: true, minItems: 1, 'x-widget': 'multi-object', 'x-model': 'device', 'x-query-filters': { site: '$site' } },
    });
    expect(schema.required).toEqual(['devices']);
  });
});

describe('describeJob: query filters that name other variables', () => {
  const module: JobModule = { name: 'checks', grouping: 'Checks', jobs: [] };
  function jobWith(variables: JobClass['variables']): JobClass {
    return class Filtered extends Job {
      static override readonly meta = { name: 'Filtered' };
      static override readonly variables = variables;
      run() {
        return null;
      }
    };
  }

  it('accepts $name of another variable', () => {
    expect(() => describeJob(module, jobWith({ site: objectVar({ model: 'site' }), device: objectVar({ model: 'device', queryFilters: { site: '$site' } }) }))).not.toThrow();
  });

  it('refuses $name of a variable the job does not have, or of the variable itself', () => {
    expect(() => describeJob(module, jobWith({ device: objectVar({ model: 'device', queryFilters: { site: '$site' } }) }))).toThrow(
      'Job checks.Filtered: variable device filters on $site, which is not another variable of the job',
    );
    expect(() => describeJob(module, jobWith({ name: stringVar(), device: objectVar({ model: 'device', queryFilters: { name: '$device' } }) }))).toThrow(
      'Job checks.Filtered: variable device filters on $device, which is not another variable of the job',
    );
  });
});

describe('describeJob: read-only jobs and the commit default', () => {
  const module: JobModule = { name: 'checks', grouping: 'Checks', jobs: [] };
  function jobWith(meta: object): JobClass {
    return class Committing extends Job {
      static override readonly meta = { name: 'Committing', ...meta };
      run() {
        return null;
      }
    };
  }

  it('commits by default, may default to a dry run, and a read-only job has no commit', () => {
    expect(describeJob(module, jobWith({}))).toMatchObject({ readOnly: false, commitDefault: true });
    expect(describeJob(module, jobWith({ commitDefault: false }))).toMatchObject({ readOnly: false, commitDefault: false });
    expect(describeJob(module, jobWith({ readOnly: true }))).toMatchObject({ readOnly: true, commitDefault: false });
  });

  it('refuses a commit default on a read-only job', () => {
    expect(() => describeJob(module, jobWith({ readOnly: true, commitDefault: true }))).toThrow('Job checks.Committing: a read-only job has no commit, so commitDefault does not apply');
  });
});
