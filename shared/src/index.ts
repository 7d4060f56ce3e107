export * from './api/index';
export * from './districts';
export * from './mask';
export * from './roles';
