/** The `devices` job module (devices.RunCommand), built with the collector's SSH access and vault; absent in unit tests. */
export const DEVICES_JOB_MODULE = Symbol('DEVICES_JOB_MODULE');
