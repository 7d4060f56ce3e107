export * from './api/index';
export * from './childcare/index';
export * from './credit-code';
export * from './districts';
export * from './identity/index';
export * from './mask';
export * from './phone';
export * from './roles';
