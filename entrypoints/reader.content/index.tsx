// The full reader, injected by the background (scripting.executeScript) only
// after the tiny detector found a likely minutes page.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { getReaderHandle, setReaderHandle, takeReaderStartOptions } from '../../lib/messages/reader-handle';
import { Reader } from './reader';

export default defineContentScript({
  registration: 'runtime',
  matches: ['*://*.dk/*'],
  noScriptStartedPostMessage: true,
  main(ctx) {
    try {
      const options = takeReaderStartOptions();
      const existing = getReaderHandle();
      if (existing) {
        // Injected twice into the same frame: the running reader re-reads.
        existing.refresh(options);
        return;
      }
      const reader = new Reader(document, options);
      setReaderHandle(reader);
      reader.start();
      ctx.onInvalidated(() => {
        try {
          reader.stop();
        } finally {
          if (getReaderHandle() === reader) setReaderHandle(undefined);
        }
      });
    } catch {
      // never throw into the page
    }
  },
});
