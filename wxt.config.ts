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
    permissions: ['storage', 'unlimitedStorage', 'scripting', ...(manifestVersion === 2 ? [] : [])],
    ...(manifestVersion === 3
      ? { host_permissions: ['*://*.dk/*'], optional_host_permissions: ['*://*/*'] }
      : {}),
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sagsspor@sagsspor.dk',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
