export type BenchValue = number | string | Record<string, number>;

export interface Target {
  /** Pass when value ≤ max. */
  max?: number;
  /** Pass when value ≥ min. */
  min?: number;
  unit?: string;
}

export interface BenchModule {
  name: string;
  description: string;
  run: () => Promise<Record<string, BenchValue>>;
  targets?: Record<string, Target>;
}
