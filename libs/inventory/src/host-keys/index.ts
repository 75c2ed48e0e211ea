export { DeviceHostKeyStore, type DeviceHostKey } from './device-host-key-store';
export { DeviceHostKeyRecord } from './device-host-key.record';
