export * from './api';
export * from './follow';
export * from './runtime';
