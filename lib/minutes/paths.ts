// DomRef paths for blocks, built lazily from the element-position frames the
// extractor records (no DOM access, linear in the number of queries).
import type { NodePath } from '../model/minutes';
import type { Block, Frame } from './blocks';

export type PathFn = (b: Block | undefined) => NodePath | null;

function framePath(f: Frame): number[] {
  if (f.path) return f.path;
  const p = f.p ? [...framePath(f.p), f.i] : [f.i];
  f.path = p;
  return p;
}

/** Path resolver; `enabled` false (text input, detached documents) always yields null. */
export function pathFinder(enabled: boolean): PathFn {
  if (!enabled) return () => null;
  return (b) => {
    if (!b?.el) return null;
    return b.frame ? framePath(b.frame) : [];
  };
}
