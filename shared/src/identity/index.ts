export * from './id-number';
export * from './marriage';
