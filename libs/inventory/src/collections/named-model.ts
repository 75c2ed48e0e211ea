import { SITE_STATUSES, type InventoryModel } from '@yardmaster/contracts';
import type { EntityTarget } from 'typeorm';
import { DeviceRoleRecord } from '../entities/device-role.record';
import type { NamedInventoryRecord } from '../entities/named-inventory.record';
import { PlatformRecord } from '../entities/platform.record';
import { SiteRecord } from '../entities/site.record';
import { TagRecord } from '../entities/tag.record';
import type { FieldRule } from '../validation/field-rule';
import { colorRule, networkDriverRule, oneOfRule } from '../validation/field-rules';
import type { FilterKind } from './check-filter';

export type NamedModel = Extract<InventoryModel, 'site' | 'device_role' | 'platform' | 'tag'>;

/** A field a named model has beyond name, slug and description. */
export interface OwnField {
  readonly rule: FieldRule<unknown>;
  readonly default: unknown;
  /** Also a filter of this kind (matched exactly). */
  readonly filter?: FilterKind;
}

/** How sites, device roles, platforms and tags differ from one another; the rest is `NamedCollection`. */
export interface NamedModelDefinition<M extends NamedModel> {
  readonly model: M;
  readonly noun: string;
  readonly plural: string;
  readonly entity: EntityTarget<NamedInventoryRecord>;
  readonly ownFields: Readonly<Record<string, OwnField>>;
  /** The devices' column that refers to this model, when devices must let go of a record before it is deleted. */
  readonly deviceColumn: 'site_id' | 'role_id' | 'platform_id' | null;
}

/** NetBox's grey: what a role or tag shows when no colour was chosen. */
export const DEFAULT_COLOR = '9e9e9e';

/** The colour device roles and tags are shown in: the same field, checked and defaulted alike. */
const COLOR_FIELDS: Readonly<Record<string, OwnField>> = { color: { rule: colorRule, default: DEFAULT_COLOR } };

export const SITE_MODEL: NamedModelDefinition<'site'> = {
  model: 'site',
  noun: 'site',
  plural: 'sites',
  entity: SiteRecord,
  ownFields: { status: { rule: oneOfRule(SITE_STATUSES), default: 'active', filter: { oneOf: SITE_STATUSES } } },
  deviceColumn: 'site_id',
};

export const DEVICE_ROLE_MODEL: NamedModelDefinition<'device_role'> = {
  model: 'device_role',
  noun: 'device role',
  plural: 'device roles',
  entity: DeviceRoleRecord,
  ownFields: COLOR_FIELDS,
  deviceColumn: 'role_id',
};

export const PLATFORM_MODEL: NamedModelDefinition<'platform'> = {
  model: 'platform',
  noun: 'platform',
  plural: 'platforms',
  entity: PlatformRecord,
  ownFields: { networkDriver: { rule: networkDriverRule, default: '' } },
  deviceColumn: 'platform_id',
};

export const TAG_MODEL: NamedModelDefinition<'tag'> = {
  model: 'tag',
  noun: 'tag',
  plural: 'tags',
  entity: TagRecord,
  ownFields: COLOR_FIELDS,
  deviceColumn: null,
};
