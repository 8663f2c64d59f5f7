import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['*://*.dk/*'],
  runAt: 'document_idle',
  main() {},
});
