import { Toolbar, type ToolbarProps } from '@fluentui/react-components';
import { createContext, useContext } from 'react';

const InToolbar = createContext(false);

/** True inside an ActionToolbar: an unavailable action may stay focusable there, for its reason. */
export const useInToolbar = (): boolean => useContext(InToolbar);

/**
 * A table's actions as one tab stop (issue #11): Tab enters at the last used button, arrow keys move
 * between them (Fluent's roving Toolbar). Unavailable actions stay reachable by the arrows only, so
 * their reason can still be read, without adding a tab stop each.
 */
export const ActionToolbar = ({ children, ...props }: ToolbarProps) => (
  <InToolbar.Provider value={true}>
    <Toolbar {...props}>{children}</Toolbar>
  </InToolbar.Provider>
);
