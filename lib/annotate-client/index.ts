// The content side of the annotation store: a write queue that retries until
// the background acknowledges, and a client for the background's data routes.
export * from './client';
export * from './queue';
