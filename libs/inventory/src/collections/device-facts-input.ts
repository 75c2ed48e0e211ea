import { integerRule, textRule, timestampRule } from '../validation/collected-rules';
import { nullable } from '../validation/field-rule';
import { readInput, throwIfInvalid, type InputSchema } from '../validation/read-input';

const DEVICE_FACTS_SCHEMA: InputSchema = {
  vendor: { rule: nullable(textRule(255)) },
  model: { rule: nullable(textRule(255)) },
  serial: { rule: nullable(textRule(255)) },
  osVersion: { rule: nullable(textRule(255)) },
  hostname: { rule: nullable(textRule(255)) },
  uptime: { rule: nullable(integerRule(0, Number.MAX_SAFE_INTEGER)) },
  lastCollectedAt: { rule: nullable(timestampRule) },
};

/** Device facts as columns of `inventory_devices`, checked; those left out stay, `lastCollectedAt` defaults to now. */
export function readDeviceFacts(input: unknown): Readonly<Record<string, unknown>> {
  const { values, errors } = readInput(DEVICE_FACTS_SCHEMA, input, 'patch', 'device facts');
  throwIfInvalid(errors, 'device facts');
  return { lastCollectedAt: new Date(), ...values };
}
