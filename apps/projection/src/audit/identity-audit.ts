import type { GrantSummary, IdentityEvent, UserUpdatedData } from '@yardmaster/contracts';
import { entryOf, type AuditEntry } from './audit-entry';

/** Every identity change is a person's (or, for the first administrator, the installation's): all are recorded. */
export function identityAuditEntry(event: IdentityEvent): AuditEntry {
  switch (event.type) {
    case 'identity.user_created': {
      const { username, admin, groups } = event.data;
      const extras = [admin ? 'administrator' : null, groups.length > 0 ? `groups ${groups.join(', ')}` : null].filter(Boolean);
      return entryOf(event, { targetType: 'user', targetId: username, summary: `created user ${username}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}`, details: { ...event.data } });
    }
    case 'identity.user_updated':
      return entryOf(event, { targetType: 'user', targetId: event.data.username, summary: userUpdateSummary(event.data), details: { ...event.data } });
    case 'identity.user_deleted':
      return entryOf(event, { targetType: 'user', targetId: event.data.username, summary: `deleted user ${event.data.username}` });
    case 'identity.group_created':
      return entryOf(event, { targetType: 'group', targetId: event.data.name, summary: `created group ${event.data.name}`, details: { ...event.data } });
    case 'identity.group_updated':
      return entryOf(event, { targetType: 'group', targetId: event.data.name, summary: `changed group ${event.data.name}`, details: { ...event.data } });
    case 'identity.group_deleted':
      return entryOf(event, { targetType: 'group', targetId: event.data.name, summary: `deleted group ${event.data.name}` });
    case 'identity.permissions_replaced': {
      const { holderType, holder, permissions } = event.data;
      const summary =
        permissions.length === 0
          ? `removed every permission of ${holderType} ${holder}`
          : `set the permissions of ${holderType} ${holder}: ${permissions.map(grantText).join(', ')}`;
      return entryOf(event, { targetType: holderType, targetId: holder, summary, details: { ...event.data } });
    }
    case 'identity.token_created': {
      const { username, name, prefix, readOnly, expiresAt } = event.data;
      const extras = [readOnly ? 'read-only' : null, expiresAt ? `expires ${expiresAt}` : null].filter(Boolean);
      const summary = `issued token "${name}" (${prefix}…) to ${username}${extras.length > 0 ? `, ${extras.join(', ')}` : ''}`;
      return entryOf(event, { targetType: 'token', targetId: event.data.tokenId, summary, details: { ...event.data } });
    }
    case 'identity.token_revoked': {
      const { username, name, prefix } = event.data;
      return entryOf(event, { targetType: 'token', targetId: event.data.tokenId, summary: `revoked token "${name}" (${prefix}…) of ${username}`, details: { ...event.data } });
    }
    case 'identity.credential_set_created': {
      const { credentialSetId, name, kind } = event.data;
      return entryOf(event, { targetType: 'credential-set', targetId: credentialSetId, summary: `created credential set ${name} (${kind})`, details: { ...event.data } });
    }
    case 'identity.credential_set_updated': {
      const { credentialSetId, name, changed } = event.data;
      const summary = `changed credential set ${name}${changed && changed.length > 0 ? `: ${changed.join(', ')}` : ''}`;
      return entryOf(event, { targetType: 'credential-set', targetId: credentialSetId, summary, details: { ...event.data } });
    }
    case 'identity.credential_set_deleted':
      return entryOf(event, { targetType: 'credential-set', targetId: event.data.credentialSetId, summary: `deleted credential set ${event.data.name}`, details: { ...event.data } });
    case 'identity.device_host_key_forgotten': {
      const { deviceId, deviceName, forgotten } = event.data;
      const summary = forgotten ? `forgot the SSH host key of device ${deviceName} (${forgotten.algorithm} ${forgotten.fingerprint})` : `forgot the SSH host key of device ${deviceName} (none was pinned)`;
      return entryOf(event, { targetType: 'device', targetId: deviceId, summary, details: { ...event.data } });
    }
    default: {
      // Thrown, as the projectors do, so that an event from a newer API waits for an audit that knows it.
      const unknown: never = event;
      throw new Error(`Unknown identity event type ${String((unknown as IdentityEvent).type)} (event ${(unknown as IdentityEvent).id})`);
    }
  }
}

function userUpdateSummary(data: UserUpdatedData): string {
  const { username, changed } = data;
  if (changed.length === 1 && changed[0] === 'active') return `${data.active ? 'activated' : 'deactivated'} user ${username}`;
  const parts = changed.map((field) => {
    switch (field) {
      case 'active':
        return data.active ? 'activated' : 'deactivated';
      case 'admin':
        return data.admin ? 'made an administrator' : 'no longer an administrator';
      case 'groups':
        return data.groups.length > 0 ? `groups ${data.groups.join(', ')}` : 'no groups';
      case 'displayName':
        return `display name ${JSON.stringify(data.displayName)}`;
      default:
        return field;
    }
  });
  return `changed user ${username}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

function grantText(grant: GrantSummary): string {
  const scope = [grant.jobIds?.length ? `jobs ${grant.jobIds.join(' ')}` : null, grant.groupings?.length ? `groupings ${grant.groupings.join(' ')}` : null].filter(Boolean);
  return scope.length > 0 ? `${grant.permission} (${scope.join('; ')})` : grant.permission;
}
