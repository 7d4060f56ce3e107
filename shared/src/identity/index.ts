export * from './id-number';
export * from './marriage';
export * from './parents';
