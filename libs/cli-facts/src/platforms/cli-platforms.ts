import { ARISTA_EOS } from './arista-eos';
import { CISCO_IOS } from './cisco-ios';
import { CISCO_NXOS } from './cisco-nxos';
import type { CliPlatform } from './cli-platform';
import { JUNIPER_JUNOS } from './juniper-junos';

/** The platforms a plan can collect over SSH, by the platform's `networkDriver`. */
export const CLI_PLATFORMS: Readonly<Record<string, CliPlatform>> = {
  cisco_ios: CISCO_IOS,
  cisco_nxos: CISCO_NXOS,
  arista_eos: ARISTA_EOS,
  juniper_junos: JUNIPER_JUNOS,
};

export const CLI_PLATFORM_DRIVERS = Object.keys(CLI_PLATFORMS);

/** The platform for a network driver, or null when SSH collection does not know it. */
export function cliPlatformOf(networkDriver: string | null | undefined): CliPlatform | null {
  return (networkDriver && CLI_PLATFORMS[networkDriver]) || null;
}
