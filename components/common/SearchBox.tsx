import { useEffect, useState } from 'preact/hooks';
import { useDebounced } from './hooks';

export interface SearchBoxProps {
  label: string;
  placeholder?: string;
  /** Called with the trimmed query once typing pauses for `delay` ms. */
  onSearch: (query: string) => void;
  delay?: number;
  testId?: string;
}

/** A labelled search input that reports its query debounced. */
export function SearchBox({ label, placeholder, onSearch, delay = 200, testId }: SearchBoxProps) {
  const [value, setValue] = useState('');
  const settled = useDebounced(value.trim(), delay);
  useEffect(() => onSearch(settled), [settled]);
  return (
    <input
      type="search"
      class="sgs-input sgs-search"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      data-testid={testId}
      onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value) {
          e.preventDefault();
          setValue('');
        }
      }}
    />
  );
}
