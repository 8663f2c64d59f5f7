// One database per service-worker lifetime, opened lazily on first use (Dexie opens and upgrades
// on the first query). A failed or closed instance is replaced on the next call, so a blocked
// upgrade or a deleted database does not break every later message.
import { SagssporDB } from '../../../lib/db';

let instance: SagssporDB | null = null;

export function dataDb(): SagssporDB {
  if (instance && (instance.hasFailed() || instance.hasBeenClosed())) instance = null;
  instance ??= new SagssporDB();
  return instance;
}

/** Tests: forget the singleton (closing it). */
export function resetDataDb(): void {
  instance?.close();
  instance = null;
}
