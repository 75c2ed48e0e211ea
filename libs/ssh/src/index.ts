export * from './session/ssh-error';
export * from './session/ssh-target';
export type { SshSession } from './session/ssh-session';
export { openSshSession } from './session/open-ssh-session';
export * from './platforms/ssh-platforms';
export type { HostKey } from './host-keys/host-key';
export { hostKeyOf, describeHostKey } from './host-keys/host-key';
export type { HostKeyStore, PinnedHostKey } from './host-keys/host-key-store';
export { InMemoryHostKeyStore } from './host-keys/in-memory-host-key-store';
