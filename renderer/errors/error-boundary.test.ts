import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { RendererErrorInput } from '../../shared/validate';
import { CrashFallback, ErrorBoundary } from './ErrorBoundary';

// No DOM in unit tests: the boundary's three React hooks are called as React calls them.
describe('the App root error boundary', () => {
  it('switches to the fallback on a render error and reports it once, with the component stack', () => {
    const reports: RendererErrorInput[] = [];
    const boundary = new ErrorBoundary({ report: (r) => reports.push(r), children: 'the app' });
    expect(boundary.render()).toBe('the app');

    expect(ErrorBoundary.getDerivedStateFromError()).toEqual({ failed: true });
    boundary.state = ErrorBoundary.getDerivedStateFromError();
    boundary.componentDidCatch(new TypeError("Cannot read properties of undefined (reading 'ranges')"), {
      componentStack: '\n    at ExcludedRangesSection\n    at App',
    });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ kind: 'react', message: expect.stringContaining("reading 'ranges'") });
    expect(reports[0]?.stack).toContain('Component stack:\nat ExcludedRangesSection');

    const shown = boundary.render();
    expect(isValidElement(shown) && shown.type === CrashFallback).toBe(true);
  });
});
