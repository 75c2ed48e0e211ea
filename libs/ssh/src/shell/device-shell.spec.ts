import { PLATFORM_PROFILES } from '../platforms/ssh-platforms';
import { SshError } from '../session/ssh-error';
import { FakeShellChannel } from '../test-support/fake-shell-channel';
import type { CliScript } from '@yardmaster/testing-core';
import { DeviceShell, type ShellOptions } from './device-shell';

const OPTIONS: ShellOptions = { target: 'fake:22', enableSecret: null, commandTimeoutMs: 500, idleTimeoutMs: 5_000 };
const VERSION = 'Cisco IOS Software, Version 15.2(4)E7\nrouter1 uptime is 2 weeks';
const IOS: CliScript = {
  prompt: 'router1>',
  banner: 'Authorised access only. <noc@example.net>',
  commands: { 'terminal length 0': { output: '' }, 'terminal width 511': { output: '' }, 'show version': { output: VERSION } },
};

async function started(script: CliScript, options: Partial<ShellOptions> = {}, platform: keyof typeof PLATFORM_PROFILES = 'cisco_ios') {
  const channel = new FakeShellChannel(script);
  const shell = await DeviceShell.start(channel, PLATFORM_PROFILES[platform], { ...OPTIONS, ...options });
  return { channel, shell };
}

async function failureOf(promise: Promise<unknown>): Promise<SshError> {
  const failure = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(SshError);
  return failure as SshError;
}

describe('DeviceShell', () => {
  it('finds the prompt past a banner, enters enable mode, turns paging off, then strips echo and prompt from output', async () => {
    const { channel, shell } = await started(IOS);
    expect(shell.promptText).toBe('router1#');
    expect(channel.cli.received).toEqual(['', 'enable', 'terminal length 0', 'terminal width 511']);
    await expect(shell.runCommand('show version')).resolves.toBe(VERSION);
    shell.close();
  });

  it('answers the enable password prompt with the enable secret, and refuses to go on without one', async () => {
    const { channel, shell } = await started({ ...IOS, enableSecret: 'en-secret' }, { enableSecret: 'en-secret' });
    expect(shell.promptText).toBe('router1#');
    expect(channel.cli.received).toContain('<secret>');
    shell.close();

    const noSecret = await failureOf(started({ ...IOS, enableSecret: 'en-secret' }));
    expect(noSecret).toMatchObject({ code: 'SSH_ENABLE_FAILED', message: expect.stringContaining('has none (enableSecret)') });
    const wrong = await failureOf(started({ ...IOS, enableSecret: 'en-secret' }, { enableSecret: 'not-it' }));
    expect(wrong.code).toBe('SSH_ENABLE_FAILED');
    expect(wrong.message).not.toContain('not-it');
  });

  it('sends no enable on NX-OS and Junos, and Junos gets its own paging commands', async () => {
    const junos = await started({ prompt: 'netops@mx1>', commands: { 'set cli screen-length 0': { output: '' }, 'set cli screen-width 511': { output: '' }, 'set cli complete-on-space off': { output: '' } } }, {}, 'juniper_junos');
    expect(junos.channel.cli.received).toEqual(['', 'set cli screen-length 0', 'set cli screen-width 511', 'set cli complete-on-space off']);
    expect(junos.shell.promptText).toBe('netops@mx1>');
    junos.shell.close();
    const nxos = await started({ ...IOS, prompt: 'nx1>' }, {}, 'cisco_nxos');
    expect(nxos.channel.cli.received).not.toContain('enable');
    nxos.shell.close();
  });

  it('answers a pager that paging-off left on with a space, and returns the pages as one output', async () => {
    const { channel, shell } = await started({ ...IOS, commands: { ...IOS.commands, 'show inventory': { pages: ['NAME: "1"', 'NAME: "2"', 'NAME: "3"'], pager: ' --More-- ' } } });
    await expect(shell.runCommand('show inventory')).resolves.toBe('NAME: "1"\nNAME: "2"\nNAME: "3"');
    expect(channel.cli.received.at(-1)).toBe('show inventory');
    shell.close();
  });

  it('does not end a command at a line that only contains the host name, nor at another mode of the prompt', async () => {
    const tricky = 'router1 uptime is 1 day\nrouter1> is not a prompt here: text follows';
    const { shell } = await started({ ...IOS, commands: { ...IOS.commands, 'show tricky': { output: tricky }, 'configure terminal': { output: '', newPrompt: 'router1(config)#' } } });
    await expect(shell.runCommand('show tricky')).resolves.toBe(tricky);
    await expect(shell.runCommand('configure terminal')).resolves.toBe('');
    shell.close();
  });

  it('fails a command that never returns with SSH_COMMAND_TIMEOUT and closes the session; later commands get the same error', async () => {
    const { channel, shell } = await started({ ...IOS, commands: { ...IOS.commands, 'show hang': { hang: true } } });
    const failure = await failureOf(shell.runCommand('show hang'));
    expect(failure).toMatchObject({ code: 'SSH_COMMAND_TIMEOUT', message: expect.stringContaining('"show hang"') });
    expect(channel.closed).toBe(true);
    await expect(shell.runCommand('show version')).rejects.toBe(failure);
  });

  it('tells output cut short by a closed channel (SSH_OUTPUT_TRUNCATED) from a dropped connection (SSH_CONNECTION_DROPPED)', async () => {
    const cut = await started({ ...IOS, commands: { ...IOS.commands, 'show half': { output: 'first half of the lines', thenCloseChannel: true } } });
    expect(await failureOf(cut.shell.runCommand('show half'))).toMatchObject({ code: 'SSH_OUTPUT_TRUNCATED', message: expect.stringContaining('"show half"') });
    const dropped = await started({ ...IOS, commands: { ...IOS.commands, 'show drop': { dropConnection: true } } });
    expect(await failureOf(dropped.shell.runCommand('show drop'))).toMatchObject({ code: 'SSH_CONNECTION_DROPPED', message: expect.stringContaining('ECONNRESET') });
  });

  it('closes itself after the idle timeout; a later command gets SSH_IDLE_TIMEOUT', async () => {
    const { channel, shell } = await started(IOS, { idleTimeoutMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(channel.closed).toBe(true);
    expect(await failureOf(shell.runCommand('show version'))).toMatchObject({ code: 'SSH_IDLE_TIMEOUT' });
  });

  it('fails with SSH_PROMPT_NOT_FOUND when the device never shows a prompt', async () => {
    const failure = await failureOf(started({ ...IOS, prompt: 'Press any key' }));
    expect(failure).toMatchObject({ code: 'SSH_PROMPT_NOT_FOUND', message: expect.stringContaining('Press any key') });
  });

  it('runs commands one at a time in call order', async () => {
    const { channel, shell } = await started(IOS);
    const outputs = await Promise.all([shell.runCommand('show version'), shell.runCommand('show nothing'), shell.runCommand('show version')]);
    expect(outputs).toEqual([VERSION, "% Invalid input detected at '^' marker.", VERSION]);
    expect(channel.cli.received.slice(-3)).toEqual(['show version', 'show nothing', 'show version']);
    shell.close();
  });
});
