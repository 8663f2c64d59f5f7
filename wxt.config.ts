import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Manifest: fewest permissions that work.
// - Content script (tiny detector) runs only on *.dk pages, where Danish
//   municipalities publish minutes. Other sites can be enabled per site at
//   run time through the optional host permission.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'da',
    // `scripting` injects the full reader into recognised pages only;
    // `activeTab` lets the popup's "Read this page anyway" reach the current
    // tab on any site, only when the user asks (no install warning).
    // `downloads` saves exports and backups with descriptive names.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', 'downloads'],
    // MV2 (Firefox build): WXT moves host_permissions into `permissions`;
    // optional host permissions are spelled `optional_permissions` there.
    host_permissions: ['*://*.dk/*'],
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'], optional_permissions: ['notifications'] }
      : { optional_permissions: ['*://*/*', 'notifications'] }),
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sagsspor@sagsspor.dk',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
