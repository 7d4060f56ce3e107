export * from './dates';
export * from './figures';
export * from './flags';
export * from './matching';
export * from './reconciliation-kinds';
export * from './rows';
export * from './sources';
