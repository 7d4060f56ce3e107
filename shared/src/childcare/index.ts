export * from './age-classes';
