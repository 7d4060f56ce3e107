export * from './api/index';
export * from './credit-code';
export * from './districts';
export * from './mask';
export * from './roles';
export * from './childcare/index';
export * from './phone';
