import { describe, expect, it } from 'vitest';
import {
  ContentToBackground,
  JumpMessage,
  ModelResponse,
  PageRecognisedMessage,
  PageToReader,
} from '../../../lib/messages/schemas';

const summary = {
  punktCount: 13,
  committee: 'Økonomiudvalget',
  date: '2023-06-06',
  municipality: 'Ballerup',
  kind: 'referat',
  platform: 'aabendagsorden',
  url: 'https://dagsorden.ballerup.dk/meeting/9105328',
};

describe('message schemas', () => {
  it('accepts well-formed messages', () => {
    expect(ContentToBackground.safeParse({ type: 'reader/inject', platform: 'firstagenda' }).success).toBe(
      true,
    );
    expect(ContentToBackground.safeParse({ type: 'page/recognised', tabSummary: summary }).success).toBe(
      true,
    );
    expect(
      ContentToBackground.safeParse({ type: 'page/not-recognised', reason: null, url: 'https://x.dk/' })
        .success,
    ).toBe(true);
    expect(PageToReader.safeParse({ type: 'reader/getModel' }).success).toBe(true);
    expect(PageToReader.safeParse({ type: 'reader/jump', punkt: 3 }).success).toBe(true);
  });

  it('rejects malformed payloads', () => {
    const bad: unknown[] = [
      null,
      'page/recognised',
      {},
      { type: 'page/recognised' },
      { type: 'page/recognised', tabSummary: { ...summary, punktCount: 0 } },
      { type: 'page/recognised', tabSummary: { ...summary, punktCount: '13' } },
      { type: 'page/recognised', tabSummary: { ...summary, date: '06.06.2023' } },
      { type: 'page/recognised', tabSummary: { ...summary, kind: 'blog' } },
      { type: 'reader/inject', platform: 'wordpress' },
      { type: 'db/drop-everything' },
    ];
    for (const b of bad) expect(ContentToBackground.safeParse(b).success, JSON.stringify(b)).toBe(false);
    expect(JumpMessage.safeParse({ type: 'reader/jump', punkt: 1.5 }).success).toBe(false);
    expect(JumpMessage.safeParse({ type: 'reader/jump', punkt: '1' }).success).toBe(false);
    expect(
      PageRecognisedMessage.safeParse({ type: 'page/recognised', tabSummary: summary, extra: 1 }).success,
    ).toBe(
      true, // unknown keys are stripped, not trusted
    );
  });

  it('validates the model a reader returns', () => {
    expect(ModelResponse.safeParse({ status: 'idle', url: 'https://x.dk/', result: null }).success).toBe(
      true,
    );
    expect(
      ModelResponse.safeParse({ status: 'recognised', url: 'https://x.dk/', result: { isMinutes: 1 } })
        .success,
    ).toBe(false);
    expect(ModelResponse.safeParse({ status: 'weird', url: 'https://x.dk/', result: null }).success).toBe(
      false,
    );
  });
});

describe('reader start options', async () => {
  const { START_OPTIONS_KEY, takeReaderStartOptions } = await import('../../../lib/messages/reader-handle');
  it('are read once, and only when well-formed', () => {
    const g = globalThis as Record<string, unknown>;
    g[START_OPTIONS_KEY] = { panelOpen: true };
    expect(takeReaderStartOptions()).toEqual({ panelOpen: true });
    expect(takeReaderStartOptions()).toBeUndefined();
    g[START_OPTIONS_KEY] = { panelOpen: 'yes', forced: 1 };
    expect(takeReaderStartOptions()).toEqual({}); // malformed fields are dropped
    g[START_OPTIONS_KEY] = { forced: true };
    expect(takeReaderStartOptions()).toEqual({ forced: true });
    g[START_OPTIONS_KEY] = 'open';
    expect(takeReaderStartOptions()).toBeUndefined();
  });
});
