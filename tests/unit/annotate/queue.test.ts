import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toWriteResult } from '../../../lib/annotate-client/client';
import {
  type QueueState,
  type Write,
  WriteQueue,
  type WriteResult,
} from '../../../lib/annotate-client/queue';
import type { Annotation } from '../../../lib/model/annotation';

const ID = '3f1c2a4e-9b7d-4c1e-8a2b-5d6e7f8a9b0c';
function ann(over: Partial<Annotation> = {}): Annotation {
  return {
    id: ID,
    page: {
      url: 'https://x.dk/m',
      municipality: 'Ballerup',
      meetingKey: 'k',
      punktNumber: 1,
      caseNumber: null,
    },
    target: { scope: null, selectors: [] } as unknown as Annotation['target'],
    motivation: 'highlighting',
    color: 'yellow',
    note: '',
    tags: [],
    quote: 'q',
    created: 1,
    modified: 1,
    status: 'anchored',
    deletedAt: null,
    ...over,
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('WriteQueue', () => {
  it('retries with backoff until the background acknowledges, sending the same write again', async () => {
    const answers: WriteResult[] = [
      { ok: false, error: 'unavailable' },
      { ok: false, error: 'unavailable' },
      { ok: true },
    ];
    const sent: Write[] = [];
    const send = vi.fn(async (w: Write) => {
      sent.push(w);
      return answers.shift()!;
    });
    const states: QueueState[] = [];
    const q = new WriteQueue(send, { baseDelayMs: 100, onChange: (s) => states.push(s) });
    const a = ann();
    q.enqueue({ kind: 'upsert', annotation: a });
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(q.state.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(send).toHaveBeenCalledTimes(1); // backoff: not before 100 ms
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(send).toHaveBeenCalledTimes(2); // doubled: 200 ms
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(3);
    expect(q.state).toEqual({ pending: 0, error: null });
    // Idempotent: every attempt carried the same id and modified time.
    expect(
      new Set(sent.map((w) => (w.kind === 'upsert' ? `${w.annotation.id}@${w.annotation.modified}` : ''))),
    ).toEqual(new Set([`${ID}@1`]));
    expect(states.at(-1)).toEqual({ pending: 0, error: null });
  });

  it('treats a rejected send (service worker gone) like no answer', async () => {
    let fail = true;
    const send = vi.fn(async () => {
      if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true } as const;
    });
    const q = new WriteQueue(send, { baseDelayMs: 50 });
    q.enqueue({ kind: 'delete', id: ID, at: 5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state).toEqual({ pending: 1, error: 'unavailable' });
    fail = false;
    await vi.advanceTimersByTimeAsync(50);
    expect(q.state).toEqual({ pending: 0, error: null });
  });

  it('keeps order: an update is never sent before the create it follows', async () => {
    const order: string[] = [];
    let release: (r: WriteResult) => void = () => {};
    const send = vi.fn((w: Write) => {
      order.push(w.kind === 'upsert' ? `upsert:${w.annotation.note}` : w.kind);
      if (order.length === 1) return new Promise<WriteResult>((r) => (release = r));
      return Promise.resolve({ ok: true } as WriteResult);
    });
    const q = new WriteQueue(send);
    q.enqueue({ kind: 'upsert', annotation: ann({ note: 'create' }) });
    await vi.advanceTimersByTimeAsync(0);
    q.enqueue({ kind: 'upsert', annotation: ann({ note: 'update', modified: 2 }) });
    q.enqueue({ kind: 'delete', id: ID, at: 3 });
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual(['upsert:create']); // one write in flight at a time
    release({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['upsert:create', 'upsert:update', 'delete']);
  });

  it('replaces a queued (not yet sent) upsert of the same id with the newer one', async () => {
    const sent: string[] = [];
    let release: (r: WriteResult) => void = () => {};
    const send = vi.fn((w: Write) => {
      sent.push(w.kind === 'upsert' ? w.annotation.note : w.kind);
      if (sent.length === 1) return new Promise<WriteResult>((r) => (release = r));
      return Promise.resolve({ ok: true } as WriteResult);
    });
    const q = new WriteQueue(send);
    q.enqueue({ kind: 'status', ids: ['x'], status: 'orphaned' });
    await vi.advanceTimersByTimeAsync(0);
    q.enqueue({ kind: 'upsert', annotation: ann({ note: 'a', modified: 2 }) });
    q.enqueue({ kind: 'upsert', annotation: ann({ note: 'b', modified: 3 }) });
    expect(q.state.pending).toBe(2);
    release({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['status', 'b']);
  });

  it('surfaces storage-full, keeps the write and retries it until there is room', async () => {
    let full = true;
    const send = vi.fn(
      async (): Promise<WriteResult> => (full ? { ok: false, error: 'storage-full' } : { ok: true }),
    );
    const states: QueueState[] = [];
    const q = new WriteQueue(send, { baseDelayMs: 10, maxDelayMs: 1000, onChange: (s) => states.push(s) });
    q.enqueue({ kind: 'upsert', annotation: ann() });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state).toEqual({ pending: 1, error: 'storage-full' });
    expect(states.some((s) => s.error === 'storage-full')).toBe(true);
    await vi.advanceTimersByTimeAsync(999);
    expect(send).toHaveBeenCalledTimes(1); // storage full: the slow retry
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    full = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(q.state).toEqual({ pending: 0, error: null });
  });

  it('drops a write the background refuses as invalid (a retry cannot succeed) and says so', async () => {
    const send = vi.fn(async (): Promise<WriteResult> => ({ ok: false, error: 'invalid' }));
    const q = new WriteQueue(send);
    q.enqueue({ kind: 'undo', id: ID, at: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.state).toEqual({ pending: 0, error: 'invalid' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('maps background answers to write results', () => {
    expect(toWriteResult({ ok: true, applied: true })).toEqual({ ok: true });
    expect(toWriteResult({ ok: false, error: 'storage-full' })).toEqual({ ok: false, error: 'storage-full' });
    expect(toWriteResult({ ok: false, error: 'invalid-message' })).toEqual({ ok: false, error: 'invalid' });
    expect(toWriteResult({ ok: false, error: 'failed' })).toEqual({ ok: false, error: 'unavailable' });
    expect(toWriteResult(undefined)).toEqual({ ok: false, error: 'unavailable' });
  });
});
