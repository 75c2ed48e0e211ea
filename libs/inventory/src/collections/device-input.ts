import { DEVICE_STATUSES } from '@yardmaster/contracts';
import { nullable } from '../validation/field-rule';
import { nameRule, oneOfRule, addressWithPrefixRule, referenceRule, tagSlugsRule } from '../validation/field-rules';
import { managementRule } from '../validation/management-rule';
import { readInput, type InputSchema, type ReadInput } from '../validation/read-input';

const DEVICE_SCHEMA: InputSchema = {
  name: { rule: nameRule, required: true },
  siteId: { rule: referenceRule('site'), required: true },
  roleId: { rule: referenceRule('device role'), required: true },
  platformId: { rule: nullable(referenceRule('platform')) },
  status: { rule: oneOfRule(DEVICE_STATUSES) },
  primaryAddress: { rule: nullable(addressWithPrefixRule) },
  oobAddress: { rule: nullable(addressWithPrefixRule) },
  management: { rule: nullable(managementRule) },
  tags: { rule: tagSlugsRule },
};

const DEVICE_DEFAULTS = { platformId: null, status: 'active', primaryAddress: null, oobAddress: null, management: null, tags: [] };

/**
 * A device create's fields checked one by one, with the defaults of those left out. Whether the records it
 * refers to exist is for the collection to check: that needs the database.
 */
export function readDeviceCreate(input: unknown): ReadInput {
  const read = readInput(DEVICE_SCHEMA, input, 'create', 'device');
  return { values: { ...DEVICE_DEFAULTS, ...read.values }, errors: read.errors };
}

/** A device patch's fields checked; those left out stay as they are, and `tags` replaces the whole list. */
export function readDevicePatch(patch: unknown): ReadInput {
  return readInput(DEVICE_SCHEMA, patch, 'patch', 'device');
}
