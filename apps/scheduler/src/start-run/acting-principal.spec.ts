import { ErrorCode, type StartRunCommand } from '@yardmaster/contracts';
import { actingFromCommand, ownerOrPauseReason, ownerRefusal } from './acting-principal';

const meta = { actor: 'admin', correlationId: 'c-1' };
const bob = { username: 'bob', isAdmin: false, grants: [{ permission: 'inventory.view' as const }] };

function command(overrides: Partial<StartRunCommand>): StartRunCommand {
  return { meta, jobId: 'examples.HelloWorld', data: {}, ...overrides };
}

describe('actingFromCommand', () => {
  it('takes the principal the API sent, acting as the run-as user or the requester', () => {
    expect(actingFromCommand(command({ runAs: 'bob', actingPrincipal: bob }))).toEqual({ runAs: 'bob', principal: bob });
    const admin = { username: 'admin', isAdmin: true, grants: [] };
    expect(actingFromCommand(command({ actingPrincipal: admin }))).toEqual({ runAs: 'admin', principal: admin });
  });

  it("leaves a schedule owner's principal to be asked for", () => {
    expect(actingFromCommand(command({ meta: { ...meta, actor: 'schedule:sch-1' }, scheduleId: 'sch-1', runAs: 'bob' }))).toBeNull();
  });

  it('refuses a run-as user without their principal outside schedules', () => {
    expect(() => actingFromCommand(command({ runAs: 'bob' }))).toThrow(expect.objectContaining({ code: ErrorCode.MalformedRequest }));
  });

  it('lets a schedule from before owners act as it did: as its actor, unchecked', () => {
    expect(actingFromCommand(command({ meta: { ...meta, actor: 'schedule:sch-1' }, scheduleId: 'sch-1' }))).toEqual({
      runAs: 'schedule:sch-1',
      principal: { username: 'schedule:sch-1', isAdmin: true, grants: [] },
    });
  });
});

describe('ownerOrPauseReason', () => {
  it('acts as an active owner, and pauses for one deactivated or gone', () => {
    expect(ownerOrPauseReason('bob', { status: 'active', principal: bob })).toEqual({ runAs: 'bob', principal: bob });
    expect(ownerOrPauseReason('bob', { status: 'inactive' })).toEqual({ pauseReason: 'owner bob is deactivated' });
    expect(ownerOrPauseReason('bob', { status: 'unknown' })).toEqual({ pauseReason: 'owner bob no longer exists' });
    expect(ownerRefusal('sch-1', 'owner bob is deactivated')).toMatchObject({ code: ErrorCode.Forbidden, message: 'Schedule sch-1 is paused: owner bob is deactivated' });
  });
});
