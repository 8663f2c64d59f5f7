// Small DOM helpers of the annotator. Never throw into the page.

/** Inside a form field or an editable region (keys there are the user's typing). */
export const isEditable = (el: Element | null): boolean =>
  !!el?.closest?.('input, textarea, select, [contenteditable]:not([contenteditable="false"])');

/** Viewport position of a selection: end of its last line, top of its first. */
export function rectOf(range: Range): { x: number; y: number; top: number } {
  const rects = typeof range.getClientRects === 'function' ? [...range.getClientRects()] : [];
  const last = rects[rects.length - 1];
  const first = rects[0];
  return { x: last?.right ?? 0, y: last?.bottom ?? 0, top: first?.top ?? 0 };
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function safe(fn: () => unknown): void {
  try {
    fn();
  } catch {
    // never throw into the page
  }
}
