import { makeStaticStyles } from '@fluentui/react-components';

/**
 * Page-level rules through Griffel (CSSOM insertRule) rather than a CSS file or a <style> block:
 * the CSP allows only empty style elements, and the Vite dev server would inline imported CSS.
 */
export const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, minHeight: '100%' },
  body: { overflowY: 'auto' },
});
