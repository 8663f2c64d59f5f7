// Where keyboard focus goes when the control it came from is gone: a deleted
// annotation's button in the panel's list leaves with its annotation, so focus
// goes to the annotation again once restored (undo), else to a neighbour in
// the list, else to the list's section. Never throws.

const ITEM = '[data-annotation-id]';

export interface FocusBack {
  /** The element to focus now (`restoredId`: an annotation listed again after undo), or null. */
  target(restoredId?: string): HTMLElement | null;
}

const live = (el: Element | null | undefined): HTMLElement | null =>
  el?.isConnected && typeof (el as HTMLElement).focus === 'function' ? (el as HTMLElement) : null;

/** Remembers the neighbourhood of `from` (the control focus came from) while it is still there. */
export function focusBackFrom(from: Element | null): FocusBack | null {
  if (!from) return null;
  try {
    const root = from.getRootNode() as Document | ShadowRoot;
    const li = from.closest('li');
    const near = (n: Element | null | undefined) => n?.querySelector<HTMLElement>('button') ?? null;
    const neighbours = li ? [near(li.nextElementSibling), near(li.previousElementSibling)] : [];
    const section = from.closest<HTMLElement>('section, [role="region"]');
    return {
      target(restoredId) {
        try {
          if (restoredId) {
            for (const b of root.querySelectorAll(ITEM))
              if (b.getAttribute('data-annotation-id') === restoredId && live(b)) return b as HTMLElement;
          }
          for (const c of [from, ...neighbours, section]) {
            const el = live(c);
            if (el) return el;
          }
        } catch {
          // the panel went away
        }
        return null;
      },
    };
  } catch {
    return null;
  }
}
