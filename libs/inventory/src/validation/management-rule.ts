import { MANAGEMENT_PROTOCOLS, type ManagementProtocol, type ManagementSettings } from '@yardmaster/contracts';
import { accept, reject, type FieldRule, type RuleProblem } from './field-rule';

/** The port a protocol listens on unless told otherwise. */
export const DEFAULT_MANAGEMENT_PORTS: Readonly<Record<ManagementProtocol, number>> = {
  ssh: 22,
  netconf: 830,
  snmp: 161,
  https: 443,
  telnet: 23,
};

const MANAGEMENT_FIELDS = new Set(['protocol', 'port', 'credentialsRef']);

/** `{ protocol, port?, credentialsRef? }`: the port defaults by protocol, `credentialsRef` to null. */
export const managementRule: FieldRule<ManagementSettings> = (value) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return reject('must be an object { protocol, port, credentialsRef }');
  const fields = value as Record<string, unknown>;
  const problems: RuleProblem[] = Object.keys(fields)
    .filter((field) => !MANAGEMENT_FIELDS.has(field))
    .map((field) => ({ path: field, message: 'is not a management setting' }));
  const { protocol, port, credentialsRef } = fields;
  const knownProtocol = (MANAGEMENT_PROTOCOLS as readonly unknown[]).includes(protocol);
  if (!knownProtocol) problems.push({ path: 'protocol', message: `must be one of ${MANAGEMENT_PROTOCOLS.join(', ')}` });
  if (port !== undefined && !(Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535)) {
    problems.push({ path: 'port', message: 'must be a whole number from 1 to 65535' });
  }
  if (credentialsRef !== undefined && credentialsRef !== null && (typeof credentialsRef !== 'string' || credentialsRef.trim() === '' || credentialsRef.length > 100)) {
    problems.push({ path: 'credentialsRef', message: 'must be the name of a credential set (1 to 100 characters) or null' });
  }
  if (problems.length > 0) return { ok: false, problems };
  const managementProtocol = protocol as ManagementProtocol;
  return accept({
    protocol: managementProtocol,
    port: (port as number | undefined) ?? DEFAULT_MANAGEMENT_PORTS[managementProtocol],
    credentialsRef: (credentialsRef as string | null | undefined) ?? null,
  });
};
