export * from './DashboardApp';
export * from './route';
export * from './save';
