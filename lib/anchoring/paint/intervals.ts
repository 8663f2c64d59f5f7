// A sorted interval list for hit-testing: which painted anchors contain an offset.
export class IntervalList {
  private byId = new Map<string, { start: number; end: number }>();
  private sorted: Array<{ id: string; start: number; end: number }> | null = null;
  private maxLen = 0;

  set(id: string, start: number, end: number): void {
    this.byId.set(id, { start, end });
    this.sorted = null;
  }

  delete(id: string): void {
    if (this.byId.delete(id)) this.sorted = null;
  }

  clear(): void {
    this.byId.clear();
    this.sorted = null;
  }

  get(id: string): { start: number; end: number } | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Ids whose [start, end) contains `offset`, innermost (shortest) first. */
  idsAt(offset: number): string[] {
    if (!this.sorted) {
      this.sorted = [...this.byId].map(([id, r]) => ({ id, start: r.start, end: r.end }));
      this.sorted.sort((a, b) => a.start - b.start);
      this.maxLen = this.sorted.reduce((m, r) => Math.max(m, r.end - r.start), 0);
    }
    const list = this.sorted;
    // Last interval starting at or before offset.
    let lo = 0;
    let hi = list.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= offset) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const hits: Array<{ id: string; len: number }> = [];
    for (let i = last; i >= 0; i--) {
      const r = list[i]!;
      if (r.start < offset - this.maxLen) break;
      if (offset < r.end) hits.push({ id: r.id, len: r.end - r.start });
    }
    hits.sort((a, b) => a.len - b.len);
    return hits.map((h) => h.id);
  }
}
