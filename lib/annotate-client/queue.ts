// The content side's write queue: every write (upsert, delete, undo, status)
// stays pending until the background acknowledges it, retried with backoff.
// Writes are idempotent (client ids, `modified` timestamps), so a service
// worker stopped mid-write simply gets the same write again. One write is in
// flight at a time and the queue is FIFO, so an update never overtakes the
// create it follows; a queued (not yet sent) upsert of the same id is
// replaced in place by a newer one. Plain TypeScript: the sender is injected.
import type { Annotation, AnnotationStatus } from '../model/annotation';

export type Write =
  | { kind: 'upsert'; annotation: Annotation }
  | { kind: 'delete'; id: string; at: number }
  | { kind: 'undo'; id: string; at: number }
  | { kind: 'status'; ids: string[]; status: AnnotationStatus };

/**
 * - `storage-full`: the disk or quota is full; kept and retried slowly, shown to the user.
 * - `invalid`: the background refused the record; dropped (a retry cannot succeed).
 * - `unavailable`: no answer (service worker asleep or restarting, extension reloading); retried.
 */
export type WriteError = 'storage-full' | 'invalid' | 'unavailable';
export type WriteResult = { ok: true } | { ok: false; error: WriteError };
export type WriteSender = (write: Write) => Promise<WriteResult>;

export interface QueueState {
  /** Writes not yet acknowledged (including the one in flight). */
  pending: number;
  /** The last failure, cleared by the next success. */
  error: WriteError | null;
}

export interface WriteQueueOptions {
  /** First retry delay (doubles per failure). Default 250 ms. */
  baseDelayMs?: number;
  /** Longest retry delay (also used while storage is full). Default 10 s. */
  maxDelayMs?: number;
  onChange?: (state: QueueState) => void;
}

export class WriteQueue {
  private readonly items: Write[] = [];
  private inFlight = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private error: WriteError | null = null;
  private disposed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly baseDelay: number;
  private readonly maxDelay: number;

  constructor(
    private readonly send: WriteSender,
    private readonly options: WriteQueueOptions = {},
  ) {
    this.baseDelay = options.baseDelayMs ?? 250;
    this.maxDelay = options.maxDelayMs ?? 10_000;
  }

  get state(): QueueState {
    return { pending: this.items.length, error: this.error };
  }

  /** The writes not yet acknowledged, oldest first (copies). */
  get pendingWrites(): Write[] {
    return [...this.items];
  }

  enqueue(write: Write): void {
    if (this.disposed) return;
    if (write.kind === 'upsert') {
      // Replace a queued (not in-flight) upsert of the same id in place.
      const from = this.inFlight ? 1 : 0;
      for (let i = this.items.length - 1; i >= from; i--) {
        const w = this.items[i]!;
        if (w.kind !== 'upsert' || w.annotation.id !== write.annotation.id) {
          if (involves(w, write.annotation.id)) break; // a delete/undo in between keeps order
          continue;
        }
        if (w.annotation.modified <= write.annotation.modified) this.items[i] = write;
        this.changed();
        return;
      }
    }
    this.items.push(write);
    this.changed();
    this.pump();
  }

  /** Try the head again now (e.g. the page became visible again). */
  retryNow(): void {
    if (this.timer === null || this.inFlight) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.pump();
  }

  /** Resolves when nothing is pending. */
  whenIdle(): Promise<void> {
    if (this.items.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private pump(): void {
    if (this.disposed || this.inFlight || this.timer !== null) return;
    const head = this.items[0];
    if (!head) {
      for (const w of this.idleWaiters.splice(0)) w();
      return;
    }
    this.inFlight = true;
    let result: Promise<WriteResult>;
    try {
      result = this.send(head);
    } catch {
      result = Promise.resolve({ ok: false, error: 'unavailable' });
    }
    result
      .catch((): WriteResult => ({ ok: false, error: 'unavailable' }))
      .then((r) => this.settle(head, r ?? { ok: false, error: 'unavailable' }));
  }

  private settle(head: Write, r: WriteResult): void {
    this.inFlight = false;
    if (this.disposed) return;
    if (r.ok || r.error === 'invalid') {
      if (this.items[0] === head) this.items.shift();
      else {
        const i = this.items.indexOf(head);
        if (i >= 0) this.items.splice(i, 1);
      }
      this.failures = 0;
      this.error = r.ok ? null : 'invalid';
      this.changed();
      this.pump();
      return;
    }
    this.failures++;
    const delay =
      r.error === 'storage-full'
        ? this.maxDelay
        : Math.min(this.maxDelay, this.baseDelay * 2 ** Math.min(this.failures - 1, 16));
    const prev = this.error;
    this.error = r.error === 'storage-full' ? 'storage-full' : (this.error ?? 'unavailable');
    if (prev !== this.error) this.changed();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, delay);
  }

  private changed(): void {
    try {
      this.options.onChange?.(this.state);
    } catch {
      // a listener's failure must not stop the queue
    }
  }
}

function involves(w: Write, id: string): boolean {
  if (w.kind === 'upsert') return w.annotation.id === id;
  if (w.kind === 'status') return false;
  return w.id === id;
}
