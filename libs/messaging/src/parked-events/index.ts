export * from './parked-headers';
export * from './park-message';
export * from './read-parked';
