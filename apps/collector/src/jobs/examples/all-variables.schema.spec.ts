import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { JobRegistry } from '@yardmaster/job-sdk';
import { BUILTIN_JOB_MODULES } from '../builtin-job-modules';

/** The JSON Schema a job exposes is standard: Ajv (draft 2020-12, with formats) compiles it and judges samples. */
describe('the JSON Schema of a job with every variable type', () => {
  const definition = new JobRegistry(BUILTIN_JOB_MODULES).find('examples.AllVariables')?.definition;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(definition?.schema ?? {});

  it('has a variable of every type', () => {
    expect(definition?.variables.map((variable) => variable.type).sort()).toEqual(
      ['boolean', 'choice', 'file', 'integer', 'ip_address', 'ip_address_with_mask', 'ip_network', 'json', 'multi_choice', 'multi_object', 'object', 'string', 'text'].sort(),
    );
  });

  it('accepts a good sample', () => {
    const sample = sampleOf(definition?.variables ?? []);
    expect(validate(sample)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  it('rejects a bad value of each kind, naming the property', () => {
    const sample = sampleOf(definition?.variables ?? []);
    for (const variable of definition?.variables ?? []) {
      const bad: unknown = {
        string: 42,
        text: 42,
        integer: 'three',
        boolean: 'yes',
        choice: 'telnet',
        multi_choice: ['telnet'],
        ip_address: '300.1.1.1',
        ip_address_with_mask: '192.0.2.1',
        ip_network: '192.0.2.0/99',
        json: undefined,
        object: 'edge-01',
        multi_object: ['0b6c2a52-7f7e-4f4e-9a43-3f0e8c1d2b10', 'edge-02'],
        file: 'config.txt',
      }[variable.type];
      if (bad === undefined) continue;
      expect({ variable: variable.name, valid: validate({ ...sample, [variable.name]: bad }) }).toEqual({ variable: variable.name, valid: false });
      // The error points at the property, or inside it (a multi-choice's bad item).
      const pointsAtIt = (validate.errors ?? []).some((error) => error.instancePath === `/${variable.name}` || error.instancePath.startsWith(`/${variable.name}/`));
      expect({ variable: variable.name, pointsAtIt }).toEqual({ variable: variable.name, pointsAtIt: true });
    }
  });

  it('rejects a property that is not a variable', () => {
    expect(validate({ unknown: 1 })).toBe(false);
  });
});

const SITE_ID = '6f1d3c0e-2a4b-4c5d-8e9f-0a1b2c3d4e5f';
const DEVICE_ID = '0b6c2a52-7f7e-4f4e-9a43-3f0e8c1d2b10';

/** Defaults, plus a value for each optional variable without one: ids for objects, an upload's reference for a file. */
function sampleOf(variables: ReadonlyArray<{ readonly name: string; readonly type: string; readonly default?: unknown }>): Record<string, unknown> {
  const given: Record<string, unknown> = {
    object: SITE_ID,
    multi_object: [DEVICE_ID],
    file: { fileId: 'c0ffee00-0000-4000-8000-000000000001', name: 'edge-01.cfg', size: 1200, contentType: 'text/plain' },
  };
  return Object.fromEntries(variables.map((variable) => [variable.name, variable.default ?? given[variable.type]]));
}
