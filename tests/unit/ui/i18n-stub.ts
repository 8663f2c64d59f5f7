// Test helpers: answer browser.i18n from the real locale files, with Chrome's
// placeholder substitution, so components render real strings; a root to render into.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(locale: 'da' | 'en'): Messages {
  // Vitest runs from the repository root.
  const file = resolve(process.cwd(), 'public/_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

export function getMessageFrom(messages: Messages) {
  return (key: string, subs?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return '';
    const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_m, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_n, d: string) => args[Number(d) - 1] ?? '');
    });
  };
}

export function stubI18n(locale: 'da' | 'en' = 'en'): void {
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = getMessageFrom(loadMessages(locale));
  i18n.getUILanguage = () => locale;
}

/**
 * Per test: the UI in `locale` and a fresh element in the document to render into (`set` receives
 * it), unmounted inside act() afterwards so pending effects run while the test window exists.
 */
export function withTestRoot(set: (root: HTMLElement) => void, locale: 'da' | 'en' = 'da'): void {
  let root: HTMLElement | null = null;
  beforeEach(() => {
    stubI18n(locale);
    root = document.createElement('div');
    document.body.appendChild(root);
    set(root);
  });
  afterEach(() => {
    const r = root;
    if (!r) return;
    act(() => render(null, r));
    r.remove();
  });
}
