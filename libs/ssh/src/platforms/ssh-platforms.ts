/** The platforms (the inventory platform's `networkDriver`, netmiko's names) the driver knows how to talk to. */
export const SSH_PLATFORMS = ['cisco_ios', 'cisco_nxos', 'arista_eos', 'juniper_junos'] as const;
export type SshPlatform = (typeof SSH_PLATFORMS)[number];

export function isSshPlatform(value: string): value is SshPlatform {
  return (SSH_PLATFORMS as readonly string[]).includes(value);
}

/** How one platform's CLI behaves, after netmiko's drivers of the same name. */
export interface PlatformProfile {
  readonly platform: SshPlatform;
  /** The characters a prompt ends with: `>` user or operational mode, `#` privileged or configuration mode. */
  readonly promptTerminators: string;
  /** Sent once after login (and after enable): paging off and the widest terminal, so output comes whole. */
  readonly sessionSetup: readonly string[];
  /** Sends `enable` when the prompt ends with `>` (IOS, EOS); null where a login lands where show commands work. */
  readonly enable: { readonly command: string; readonly unprivilegedEnding: string; readonly privilegedEnding: string } | null;
}

const CISCO_LIKE_ENABLE = { command: 'enable', unprivilegedEnding: '>', privilegedEnding: '#' } as const;

export const PLATFORM_PROFILES: Readonly<Record<SshPlatform, PlatformProfile>> = {
  cisco_ios: { platform: 'cisco_ios', promptTerminators: '>#', sessionSetup: ['terminal length 0', 'terminal width 511'], enable: CISCO_LIKE_ENABLE },
  arista_eos: { platform: 'arista_eos', promptTerminators: '>#', sessionSetup: ['terminal length 0', 'terminal width 511'], enable: CISCO_LIKE_ENABLE },
  // NX-OS logs a network-admin straight into `#`; its show commands work from `>` too, so no enable (as netmiko).
  cisco_nxos: { platform: 'cisco_nxos', promptTerminators: '>#', sessionSetup: ['terminal length 0', 'terminal width 511'], enable: null },
  // Junos: operational mode (`user@host>`) runs every show command; `%` is the FreeBSD shell of a root login.
  juniper_junos: {
    platform: 'juniper_junos',
    promptTerminators: '>#%',
    sessionSetup: ['set cli screen-length 0', 'set cli screen-width 511', 'set cli complete-on-space off'],
    enable: null,
  },
};
