export * from './collected-facts';
export * from './normalize/values';
export * from './normalize/interface-names';
export * from './normalize/inventory-class';
export { text, list, type CliCollector, type CliPlatform } from './platforms/cli-platform';
export { CLI_PLATFORMS, CLI_PLATFORM_DRIVERS, cliPlatformOf } from './platforms/cli-platforms';
