import type { BrowserContext, Page } from 'playwright-core';

type AnyPage = Pick<Page, 'evaluate'>;
export type HostState = Record<string, string>;
/** A data-API answer: { ok: true, ...data } or { ok: false, error, ... }. */
export type DataAnswer = { ok: boolean } & Record<string, unknown>;

export function selectText(
  page: AnyPage,
  what: { text: string; within?: string; occurrence?: number },
): Promise<string | null>;
export function clearSelection(page: AnyPage): Promise<void>;
export function cssHighlights(page: AnyPage): Promise<Record<string, string[]>>;
export function wrapperHighlights(page: AnyPage): Promise<Record<string, string[]>>;
export function paintedTexts(page: AnyPage): Promise<string[]>;
export function openApiPage(
  context: BrowserContext,
  extensionId: string,
  path?: string,
): Promise<{
  page: Page;
  send(msg: { type: string } & Record<string, unknown>): Promise<DataAnswer>;
  close(): Promise<void>;
}>;
export function sendOk(
  api: { send(msg: { type: string } & Record<string, unknown>): Promise<DataAnswer> },
  msg: { type: string } & Record<string, unknown>,
  opts?: { tries?: number; delay?: number },
): Promise<DataAnswer>;
export function stopServiceWorker(
  context: BrowserContext,
  extensionId: string,
  page: Page,
  opts?: { timeout?: number },
): Promise<{ stopped: boolean; statuses: string[] }>;
export function allowDownloads(context: BrowserContext, dir: string): Promise<unknown>;
export function poll<T>(
  fn: () => T | Promise<T>,
  ok?: (value: T) => boolean,
  opts?: { timeout?: number; interval?: number; what?: string },
): Promise<T>;
export function hostState(page: AnyPage): Promise<HostState | null>;
export function waitHost(
  page: AnyPage,
  ok: (s: HostState) => boolean,
  what: string,
  timeout?: number,
): Promise<HostState>;
export function waitReady(page: AnyPage, punkter: number, what?: string): Promise<HostState>;
export function waitCounts(
  page: AnyPage,
  counts: { annotations: number; orphans?: number },
  what?: string,
): Promise<HostState>;
