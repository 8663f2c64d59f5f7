export const CHROMIUM_PATH: string;
export const FIREFOX_PATH: string;
export function missingBrowsers(which?: string[]): { name: string; path: string; pkg: string }[];
export function ensureBrowsers(which?: string[], log?: (msg: string) => void): boolean;
