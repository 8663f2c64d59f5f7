// Reaching into the extension's CLOSED shadow root from a test, through the
// Chrome DevTools Protocol: page scripts cannot (that is the point of a closed
// root), but DevTools can pierce it.

/** Depth-first search of a pierced DOM.Node tree. */
function findNode(node, pred) {
  if (pred(node)) return node;
  for (const child of [
    ...(node.children ?? []),
    ...(node.shadowRoots ?? []),
    node.contentDocument ?? [],
  ].flat()) {
    const hit = findNode(child, pred);
    if (hit) return hit;
  }
  return null;
}

export class ClosedShadow {
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} [hostName] the host element's tag name
   */
  constructor(page, hostName = 'sagsspor-root') {
    this.page = page;
    this.hostName = hostName;
    /** @type {import('playwright-core').CDPSession | null} */
    this.cdp = null;
  }

  async session() {
    if (!this.cdp) {
      this.cdp = await this.page.context().newCDPSession(this.page);
      await this.cdp.send('DOM.enable');
      await this.cdp.send('Accessibility.enable');
    }
    return this.cdp;
  }

  /** The shadow root's DOM nodeId (fresh document snapshot), or null. */
  async rootNodeId() {
    const cdp = await this.session();
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const host = findNode(root, (n) => n.localName === this.hostName);
    return host?.shadowRoots?.[0]?.nodeId ?? null;
  }

  /**
   * Calls `fn` with `this` bound to the shadow root (in the page's main world;
   * the DOM is shared, so clicks reach the extension's listeners). Returns the
   * JSON-serialisable result, or `undefined` when there is no shadow root yet.
   */
  async evaluate(fn, ...args) {
    const cdp = await this.session();
    const nodeId = await this.rootNodeId();
    if (nodeId == null) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    const res = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn.toString(),
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => {});
    if (res.exceptionDetails) {
      throw new Error(
        `in shadow root: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`,
      );
    }
    return res.result.value;
  }

  /** Text content (whitespace collapsed) of every match, in document order. */
  async texts(selector) {
    const list = await this.evaluate(function (sel) {
      return [...this.querySelectorAll(sel)].map((el) => el.textContent ?? '');
    }, selector);
    return (list ?? []).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Whether the first match exists and is rendered (not hidden, has a box). */
  async isVisible(selector) {
    return Boolean(
      await this.evaluate(function (sel) {
        const el = this.querySelector(sel);
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return (
          (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true) &&
          r.width > 0 &&
          r.height > 0
        );
      }, selector),
    );
  }

  /** Scrolls the first match into view and clicks its centre with the real mouse. */
  async click(selector) {
    const box = await this.evaluate(function (sel) {
      const el = this.querySelector(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height };
    }, selector);
    if (!box || box.w === 0 || box.h === 0)
      throw new Error(`cannot click ${selector}: not rendered in the shadow root`);
    await this.page.mouse.click(box.x, box.y);
  }

  /** Whether the focused element inside the shadow root matches `selector`. */
  async focusedMatches(selector) {
    return Boolean(
      await this.evaluate(function (sel) {
        return this.activeElement?.matches(sel) ?? false;
      }, selector),
    );
  }

  /**
   * The computed accessible name of every match (Chromium's accessibility
   * tree), with a short description of the element for error messages.
   */
  async accessibleNames(selector) {
    const cdp = await this.session();
    const rootId = await this.rootNodeId();
    if (rootId == null) return [];
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: rootId, selector });
    const out = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      const ax = nodes[0];
      out.push({
        name: String(ax?.name?.value ?? '').trim(),
        role: String(ax?.role?.value ?? ''),
        ignored: Boolean(ax?.ignored),
        html: outerHTML.slice(0, 160),
      });
    }
    return out;
  }

  async dispose() {
    await this.cdp?.detach().catch(() => {});
    this.cdp = null;
  }
}

/**
 * Collects uncaught exceptions from every JavaScript context of a page —
 * including the extension's content scripts (isolated worlds), which
 * Playwright's `pageerror` does not see. Call `stop()` for the list.
 * @param {import('playwright-core').Page} page
 */
export async function collectExceptions(page) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {string[]} */
  const errors = [];
  const contexts = new Map();
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const ctx = contexts.get(d.executionContextId);
    const where = ctx?.origin || ctx?.name || 'page';
    errors.push(`${where}: ${d.exception?.description ?? d.text}`);
  });
  await cdp.send('Runtime.enable');
  return {
    errors,
    async stop() {
      await cdp.detach().catch(() => {});
      return errors;
    },
  };
}
