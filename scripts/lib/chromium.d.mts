import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Site } from './site.mjs';

export function routeSite(context: BrowserContext, site: Site): Promise<void>;
export function makeWorkDir(): string;
export function launchChromium(opts?: {
  extensionDir?: string;
  headless?: boolean;
  site?: Site;
  args?: string[];
  launchOptions?: object;
  workDir?: string;
}): Promise<{
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  workDir: string;
  serviceWorker(): Promise<Worker>;
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  tabId(page: Page): Promise<number>;
  badgeText(page: Page): Promise<string>;
  close(): Promise<void>;
}>;
