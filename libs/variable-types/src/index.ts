export * from './variable-type';
export * from './variable-type-registry';
export * from './variable-values';
export * from './define/define-variable';
export * from './cli/cli-value-kind';
export * from './cli/cli-value-kind-of';
export { DEFAULT_FILE_MAX_SIZE_BYTES } from './types/file.variable-type';
export * from './ip/ip-address';
export * from './types/object-filter-fields';
