export const repoRoot: string;
export const chromeBuildDir: string;
export const firefoxBuildDir: string;
export const demoDir: string;
export function findSharedDir(): string | null;
export function requireSharedDir(): string;
