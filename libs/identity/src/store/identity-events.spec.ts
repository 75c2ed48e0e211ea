import { identityEvents } from './identity-events';
import type { IssuedToken } from './token-issuer';
import type { UserView } from './views';

const change = { actor: 'admin', correlationId: 'corr-1' };
const issued: IssuedToken = {
  id: '7d7c0b6e-0000-4000-8000-000000000002',
  name: 'laptop',
  prefix: 'yard_AbCdEfGh',
  readOnly: false,
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  token: 'yard_AbCdEfGhTHE-SECRET-ITSELF',
};

describe('identityEvents', () => {
  it('never carries a token secret, even when given the token just issued', () => {
    const created = identityEvents.tokenCreated(change, 'ann', issued);
    expect(JSON.stringify(created)).not.toContain(issued.token);
    expect(created.data).toEqual({ username: 'ann', tokenId: issued.id, name: 'laptop', prefix: 'yard_AbCdEfGh', readOnly: false, expiresAt: null });
    for (const event of identityEvents.firstAdminCreated(change, 'root', issued)) expect(JSON.stringify(event)).not.toContain(issued.token);
  });

  it('gives the same change the same id, so a repeated publish is stored once', () => {
    const revoked = { ...issued, revokedAt: '2026-03-01T11:00:00.000Z' };
    expect(identityEvents.tokenRevoked(change, 'ann', revoked).id).toBe(identityEvents.tokenRevoked({ ...change, correlationId: 'other' }, 'ann', revoked).id);
    expect(identityEvents.tokenCreated(change, 'ann', issued).id).not.toBe(identityEvents.tokenRevoked(change, 'ann', revoked).id);
  });

  it('names the fields a user update changed', () => {
    const user: UserView = { username: 'ann', displayName: 'Ann', active: false, admin: false, groups: [], permissions: [], createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T12:00:00.000Z' };
    const event = identityEvents.userUpdated(change, user, { active: false, displayName: undefined });
    expect(event).toMatchObject({ type: 'identity.user_updated', actor: 'admin', correlationId: 'corr-1', aggregateId: 'user:ann' });
    expect(event.data.changed).toEqual(['active']);
  });
});
