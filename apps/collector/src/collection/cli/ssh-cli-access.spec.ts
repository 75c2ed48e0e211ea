import type { TemplateLibrary } from '@yardmaster/textfsm';
import { InMemoryHostKeyStore } from '@yardmaster/ssh';
import { openedOnce, sshCliAccess } from './ssh-cli-access';

function library(records: object[], known: boolean): TemplateLibrary {
  return { parse: () => records, choose: () => (known ? { folder: '/t', templates: ['x.textfsm'] } : null) } as unknown as TemplateLibrary;
}

describe('sshCliAccess', () => {
  it('parses with the library and says whether a template exists', () => {
    const access = sshCliAccess({ hostKeys: new InMemoryHostKeyStore(), timeouts: { connectMs: 10_000, commandMs: 30_000, idleMs: 60_000 }, templates: () => library([{ version: '15.2' }], true) });
    expect(access.parse('cisco_ios', 'show version', 'text')).toEqual([{ version: '15.2' }]);
    expect(access.hasTemplate('cisco_ios', 'show version')).toBe(true);
    expect(sshCliAccess({ hostKeys: new InMemoryHostKeyStore(), timeouts: { connectMs: 1, commandMs: 1, idleMs: 1 }, templates: () => library([], false) }).hasTemplate('cisco_ios', 'show clock')).toBe(false);
  });

  it('parses on the guarded parser when it has one', async () => {
    const parser = { parse: jest.fn(() => Promise.resolve([{ uptime: '1 day' }])) };
    const access = sshCliAccess({ hostKeys: new InMemoryHostKeyStore(), timeouts: { connectMs: 1, commandMs: 1, idleMs: 1 }, templates: () => library([], true), parser: () => parser });
    await expect(access.parse('cisco_ios', 'show version', 'text')).resolves.toEqual([{ uptime: '1 day' }]);
    expect(parser.parse).toHaveBeenCalledWith('cisco_ios', 'show version', 'text');
  });

  it('opens the templates once, at first use, so a collector that never parses needs none', () => {
    const open = jest.fn(() => library([], true));
    const templates = openedOnce(open);
    expect(open).not.toHaveBeenCalled();
    templates();
    templates();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
