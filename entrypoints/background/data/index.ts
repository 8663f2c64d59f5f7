// The background's data API (issues 3–5): see lib/messages/data.ts for every message.
export { badgeForNew, badgeTotalNew, newBadgeText } from './badge';
export { dataDb } from './db';
export type { DataDeps, DataRoute } from './define';
export { toDataError } from './errors';
export { notifyNewAppearances } from './notify';
export { createDataRouter, createDataRoutes, dataRoutesFor } from './routes';
export { persistence, setupDataBackground, startData } from './setup';
