export * from './own-fake-devices';
export { fakenosVenv } from './fakenos-install';
