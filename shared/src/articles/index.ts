export * from './parse';
export * from './schema';
export * from './select';
export { ageMonthsLabel, articleTopicNames, articleTopics, libraryMonths } from './topics';
