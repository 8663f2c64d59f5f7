import { useEffect, useRef, useState } from 'preact/hooks';

/** `value`, settled for `ms` (the last value wins). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; code: string };

/**
 * Runs `load` whenever `deps` change; a stale answer (deps changed meanwhile) is dropped.
 * `reload()` runs it again.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    load().then(
      (data) => mine === seq.current && setState({ status: 'ready', data }),
      (e: unknown) =>
        mine === seq.current &&
        setState({ status: 'error', code: (e as { code?: string })?.code ?? 'failed' }),
    );
  }, [...deps, tick]);
  return [state, () => setTick((n) => n + 1)];
}
