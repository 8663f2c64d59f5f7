// Large backups cross the runtime-message boundary in parts (Chromium refuses one message over
// 64 MiB): an import's file arrives as `backup/importPart`s, an export's text leaves as
// `backup/exportPart`s. Parts live in the background's memory for a few minutes at most; a service
// worker that stops in between loses them, and the client starts the transfer again.
import { TRANSFER_PART_CHARS } from '../../../lib/messages/data';

export const TRANSFER_TTL_MS = 5 * 60_000;

interface Staged {
  parts: Array<string | undefined>;
  received: number;
  at: number;
}

export class Transfers {
  private readonly uploads = new Map<string, Staged>();
  private readonly downloads = new Map<string, Staged>();

  constructor(private readonly clock: () => number = Date.now) {}

  private sweep(): void {
    const old = this.clock() - TRANSFER_TTL_MS;
    for (const map of [this.uploads, this.downloads]) {
      for (const [id, s] of map) if (s.at < old) map.delete(id);
    }
  }

  /** Stores one part of an upload; returns how many parts have arrived. */
  putPart(id: string, index: number, count: number, text: string): number {
    this.sweep();
    let s = this.uploads.get(id);
    if (!s) {
      s = { parts: new Array(count).fill(undefined), received: 0, at: this.clock() };
      this.uploads.set(id, s);
    }
    if (s.parts.length !== count || index >= count) {
      this.uploads.delete(id);
      throw new RangeError('The parts of this transfer do not fit together.');
    }
    if (s.parts[index] === undefined) s.received++;
    s.parts[index] = text;
    s.at = this.clock();
    return s.received;
  }

  /** The whole uploaded text (and forgets it), or null when a part is missing or it expired. */
  takeUpload(id: string): string | null {
    this.sweep();
    const s = this.uploads.get(id);
    this.uploads.delete(id);
    if (!s || s.received !== s.parts.length) return null;
    return s.parts.join('');
  }

  /** Stages a text for download in parts; returns its id and number of parts. */
  stageDownload(text: string, id: string = crypto.randomUUID()): { id: string; parts: number } {
    this.sweep();
    const parts: string[] = [];
    for (let i = 0; i < text.length; i += TRANSFER_PART_CHARS)
      parts.push(text.slice(i, i + TRANSFER_PART_CHARS));
    this.downloads.set(id, { parts, received: 0, at: this.clock() });
    return { id, parts: parts.length };
  }

  /** One part of a staged download (the last one forgets it), or null when unknown or expired. */
  downloadPart(id: string, index: number): string | null {
    this.sweep();
    const s = this.downloads.get(id);
    const part = s?.parts[index];
    if (!s || part === undefined) return null;
    s.at = this.clock();
    if (index === s.parts.length - 1) this.downloads.delete(id);
    return part;
  }
}
