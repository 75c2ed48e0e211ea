import { PLATFORM_PROFILES } from '../platforms/ssh-platforms';
import { commandOutputOf, normaliseDeviceText } from './output-text';
import { basePromptOf, endOf, endsWithAnyPrompt, promptPattern } from './prompt';

const IOS = PLATFORM_PROFILES.cisco_ios;
const JUNOS = PLATFORM_PROFILES.juniper_junos;

describe('device text', () => {
  it('drops CRs, ANSI sequences and backspace erasures', () => {
    expect(normaliseDeviceText('line 1\r\r\nline\x1b[1m 2\x1b[0m\r\n --More-- \x08\x08\x08\x08\x08\x08\x08\x08\x08\x08line 3')).toBe('line 1\nline 2\nline 3');
  });

  it('strips the echoed command and the prompt, keeping blank lines of the output', () => {
    const prompt = promptPattern('router1', IOS);
    expect(commandOutputOf('show clock\n\n*10:00:00 UTC\n\nrouter1#', 'show clock', prompt)).toBe('\n*10:00:00 UTC\n');
    expect(commandOutputOf('router1#show clock\n*10:00\nrouter1#', 'show clock', prompt)).toBe('*10:00');
    expect(commandOutputOf('terminal length 0\nrouter1#', 'terminal length 0', prompt)).toBe('');
  });
});

describe('prompts', () => {
  it('takes the base prompt without mode or terminator', () => {
    expect(basePromptOf('router1>', IOS)).toBe('router1');
    expect(basePromptOf('sw1(config-if)#', IOS)).toBe('sw1');
    expect(basePromptOf('netops@mx1> ', JUNOS)).toBe('netops@mx1');
  });

  it('matches the prompt in any mode at the end only, from a line start', () => {
    const prompt = promptPattern('r1.lab', IOS);
    expect(prompt.test('output\nr1.lab#')).toBe(true);
    expect(prompt.test('output\nr1.lab(config)# ')).toBe(true);
    expect(prompt.test('output\nr1xlab#')).toBe(false);
    expect(prompt.test('uptime of r1.lab#')).toBe(false);
    expect(prompt.test('r1.lab#\nmore output')).toBe(false);
  });

  it('looks at the last 2 KB of a long output, from the start of the line they begin in', () => {
    const long = `${'x'.repeat(3000)}\n${'y'.repeat(1000)}\n${'z'.repeat(1500)}\nrouter1#`;
    expect(endOf(long)).toBe(`\n${'y'.repeat(1000)}\n${'z'.repeat(1500)}\nrouter1#`);
    expect(promptPattern('router1', IOS).test(endOf(long))).toBe(true);
    expect(endOf('short\nrouter1#')).toBe('short\nrouter1#');
  });

  it('recognises a prompt-like ending of any device', () => {
    expect(endsWithAnyPrompt('banner\nrouter>', IOS)).toBe(true);
    expect(endsWithAnyPrompt('banner\n  indented>', IOS)).toBe(false);
    expect(endsWithAnyPrompt('root@mx1:RE:0% ', JUNOS)).toBe(true);
  });
});
