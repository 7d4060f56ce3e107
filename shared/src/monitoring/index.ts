export * from './dates';
export * from './figures';
export * from './flags';
export * from './matching';
export * from './rows';
export * from './sources';
