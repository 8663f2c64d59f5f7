// A temporary outline around a page element, drawn as a box in our own
// layer (e.g. inside the panel's shadow root): the page's styles are never
// touched. Follows the element while the page scrolls; removes itself.

export interface FlashOptions {
  durationMs?: number;
  className?: string;
}

export function flashElement(target: Element, layer: Node, opts: FlashOptions = {}): () => void {
  const { durationMs = 1800, className = 'flash' } = opts;
  const doc = target.ownerDocument;
  const win = doc.defaultView;
  if (!win) return () => {};
  const box = doc.createElement('div');
  box.className = className;
  box.setAttribute('aria-hidden', 'true');
  layer.appendChild(box);
  const start = win.performance.now();
  let frame = 0;
  let done = false;
  const place = () => {
    const r = target.getBoundingClientRect();
    const pad = 4;
    box.style.left = `${r.left - pad}px`;
    box.style.top = `${r.top - pad}px`;
    box.style.width = `${Math.max(r.width + pad * 2, 8)}px`;
    box.style.height = `${Math.max(r.height + pad * 2, 8)}px`;
  };
  const remove = () => {
    if (done) return;
    done = true;
    win.cancelAnimationFrame(frame);
    box.remove();
  };
  const tick = (now: number) => {
    if (done) return;
    if (!target.isConnected || now - start > durationMs) {
      box.style.opacity = '0';
      win.setTimeout(remove, 500);
      return;
    }
    place();
    frame = win.requestAnimationFrame(tick);
  };
  place();
  frame = win.requestAnimationFrame(tick);
  return remove;
}
