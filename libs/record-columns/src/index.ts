export * from './typed-columns';
export * from './timestamps';
export * from './primary-keys';
