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
      ['boolean', 'choice', 'integer', 'ip_address', 'ip_address_with_mask', 'ip_network', 'json', 'multi_choice', 'string', 'text'].sort(),
    );
  });

  it('accepts a good sample', () => {
    const sample = Object.fromEntries((definition?.variables ?? []).map((variable) => [variable.name, variable.default]));
    expect(validate(sample)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  it('rejects a bad value of each kind, naming the property', () => {
    const sample = Object.fromEntries((definition?.variables ?? []).map((variable) => [variable.name, variable.default]));
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
