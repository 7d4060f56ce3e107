export * from './days';
export * from './format';
export * from './holidays';
export * from './months';
export * from './working-days';
