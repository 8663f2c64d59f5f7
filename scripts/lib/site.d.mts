export interface ManifestEntry {
  file: string;
  url: string;
  style?: string;
  municipality?: string;
  seed?: string;
  truth?: unknown;
}
export type Fixture = ManifestEntry & { path: string };
export function loadManifest(dir: string): Fixture[];
export function sharedFixtures(): Fixture[];
export function demoPages(): Fixture[];
export class Site {
  pages: Map<string, { body: string | Buffer; contentType: string }>;
  requests: string[];
  add(url: string, page: { path?: string; body?: string | Buffer; contentType?: string }): this;
  addAll(entries: Fixture[]): this;
  lookup(url: string): { body: string | Buffer; contentType: string } | undefined;
  respond(url: string): { status: number; contentType: string; body: string | Buffer };
}
