// The panel's host: a `<sagsspor-root>` element on <html> (not <body>) with a
// CLOSED shadow root holding our styles, the Preact mount point and a layer
// for jump highlights. Re-attached (bounded) if page scripts remove it.

export const HOST_TAG = 'sagsspor-root' as const;
const MAX_REATTACH = 20;

export interface Host {
  host: HTMLElement;
  /** Preact renders here. */
  mount: HTMLElement;
  /** Jump highlights go here. */
  layer: HTMLElement;
  destroy(): void;
}

function applyStyles(shadow: ShadowRoot, css: string): void {
  try {
    // Constructable sheets are not subject to the page's inline-style CSP.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Firefox content scripts may refuse sheets from the sandbox: fall back.
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = css;
  shadow.appendChild(style);
}

/** `tag` lets later in-page UI (e.g. a selection toolbar) reuse this with its own `sagsspor-*` element. */
export function createHost(doc: Document, css: string, tag: `sagsspor-${string}` = HOST_TAG): Host {
  const host = doc.createElement(tag);
  // Inline via CSSOM (allowed under any page CSP): shield from page styles.
  const s = host.style;
  s.setProperty('all', 'initial', 'important');
  s.setProperty('display', 'block', 'important');
  s.setProperty('position', 'fixed', 'important');
  s.setProperty('top', '0', 'important');
  s.setProperty('right', '0', 'important');
  s.setProperty('width', '0', 'important');
  s.setProperty('height', '0', 'important');
  s.setProperty('z-index', '2147483647', 'important');
  s.setProperty('overflow', 'visible', 'important');

  const shadow = host.attachShadow({ mode: 'closed' });
  applyStyles(shadow, css);
  const mount = doc.createElement('div');
  const layer = doc.createElement('div');
  shadow.append(mount, layer);

  // Keys typed in our UI are ours: keep page shortcuts from reacting to them.
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }

  doc.documentElement.appendChild(host);

  let reattached = 0;
  const guard = new MutationObserver(() => {
    if (host.isConnected || reattached >= MAX_REATTACH) return;
    reattached++;
    try {
      doc.documentElement.appendChild(host);
    } catch {
      // ignore
    }
  });
  guard.observe(doc.documentElement, { childList: true });

  return {
    host,
    mount,
    layer,
    destroy() {
      guard.disconnect();
      host.remove();
    },
  };
}
