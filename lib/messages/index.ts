export * from './listen';
export * from './reader-handle';
export * from './router';
export * from './schemas';
export * from './sender';
