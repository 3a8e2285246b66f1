import { makeStaticStyles } from '@fluentui/react-components';

/**
 * Page-level rules through Griffel (CSSOM insertRule) rather than a CSS file or a <style> block:
 * the CSP allows only empty style elements, and the Vite dev server would inline imported CSS.
 */
export const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, minHeight: '100%' },
  body: { overflowY: 'auto' },
  // Korean breaks between words, not between syllables ("범/위를" split mid-word, issue #11); i18n sets
  // <html lang>. A word longer than its line (an address, a command) may still break.
  'html:lang(ko)': { wordBreak: 'keep-all', overflowWrap: 'break-word' },
});
