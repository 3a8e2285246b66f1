import { describe, expect, it } from 'vitest';
import { createFilterText } from './filter-text';

describe('createFilterText', () => {
  it('tells its listeners of each new text, and of nothing else', () => {
    const filter = createFilterText();
    const heard: string[] = [];
    const stop = filter.subscribe(() => heard.push(filter.get()));
    filter.set('node');
    filter.set('node');
    filter.set('');
    stop();
    filter.set('java');
    expect(heard).toEqual(['node', '']);
    expect(filter.get()).toBe('java');
  });
});
