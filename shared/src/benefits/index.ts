export * from './childcare-subsidy';
export * from './engine';
export * from './policies';
