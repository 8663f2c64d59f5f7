// Nodes the painters created (wrappers, split-off text pieces), so the late
// content observer does not mistake our own painting for new page content.
export const ownNodes = new WeakSet<Node>();

/** True when `node` is ours: created by a painter or inside a wrapper / our UI host. */
export function isOwnNode(node: Node): boolean {
  if (ownNodes.has(node)) return true;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest('sagsspor-hl, sagsspor-root, [data-sagsspor-ui]');
}
