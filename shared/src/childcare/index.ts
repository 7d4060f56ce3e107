export * from './age-classes';
export * from './programmes';
