// The data layer's public API. Background only (the single writer); pure TypeScript over IndexedDB.
export * from './annotations';
export * from './backup';
export { DB_NAME, openDb, SagssporDB } from './db';
export { InvalidRecordError, mapStorageError, NotFoundError, StorageFullError } from './errors';
export * from './follows';
export * from './keys';
export * from './meetings';
export * from './meta';
export * from './persistence';
export { type AnnotationRow, ROW_SCHEMAS, type TableName } from './rows';
export { CURRENT_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
export * from './search';
export { buildSearchMemory, currentSearchMemory, searchMemoryFor } from './search-memory';
export { foldText, indexWords, queryTokens, tokenize, wordsOf } from './text';
export * from './topics';
