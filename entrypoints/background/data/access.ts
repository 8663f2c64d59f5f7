// Which data a sender may touch. Extension pages may touch everything; a content script only the
// data of its own site (origin), so a page on one site can never read or change notes made on another.
import type { Self, SenderLike } from '../../../lib/messages/sender';
import { isOwnExtensionPage } from '../../../lib/messages/sender';
import { ForbiddenError } from './errors';

export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const o = new URL(url).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

export interface Access {
  /** True for an extension page (popup, dashboard): no origin limits. */
  readonly page: boolean;
  /** May this sender touch data of `url`? */
  allows(url: string | null | undefined): boolean;
  /** Throws `ForbiddenError` unless `allows(url)`. */
  check(url: string | null | undefined): void;
  /** Throws unless the sender is an extension page. */
  requirePage(): void;
}

export function accessOf(sender: SenderLike, self: Self): Access {
  const page = isOwnExtensionPage(sender, self);
  const origin = originOf(sender.url) ?? originOf(sender.origin);
  const allows = (url: string | null | undefined) => page || (origin !== null && originOf(url) === origin);
  return {
    page,
    allows,
    check(url) {
      if (!allows(url)) throw new ForbiddenError('Not data of this page’s site.');
    },
    requirePage() {
      if (!page) throw new ForbiddenError('Extension pages only.');
    },
  };
}
