import { useSyncExternalStore } from 'react';

/**
 * The owners filter's text, kept outside React state: the filter box writes it and only the table's
 * rows read it. As state of the view, each keystroke re-rendered everything between the two (the
 * view's body, the table with its store subscriptions, button styles and TanStack's table) before
 * the rows that actually change (issue #13). A change still renders synchronously, in the keystroke's
 * own task, as a state update would: useSyncExternalStore never defers.
 */
export interface FilterText {
  readonly get: () => string;
  readonly set: (text: string) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

export const createFilterText = (initial = ''): FilterText => {
  let text = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => text,
    set: (next) => {
      if (next === text) return;
      text = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};

/** The filter's text, re-rendering the caller when it changes. */
export const useFilterText = (filter: FilterText): string => useSyncExternalStore(filter.subscribe, filter.get);
