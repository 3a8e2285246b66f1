import { tokens } from '@fluentui/react-components';
import type { MapColors } from './draw-port-map';
import { MAP_TOKENS } from './map-tokens';

/**
 * Fluent tokens are CSS variables (`var(--colorBrandBackground)`) set by the FluentProvider; a canvas
 * needs their values, read from an element inside the provider so the current theme applies.
 */
const value = (style: CSSStyleDeclaration, token: string): string => {
  const name = /var\((--[^,)]+)/.exec(token)?.[1];
  return (name ? style.getPropertyValue(name).trim() : '') || 'gray';
};

export const readThemeColors = (element: Element): MapColors => {
  const style = getComputedStyle(element);
  return {
    band: value(style, tokens[MAP_TOKENS.band]),
    dynamic: value(style, tokens[MAP_TOKENS.dynamic]),
    system: value(style, tokens[MAP_TOKENS.system]),
    administered: value(style, tokens[MAP_TOKENS.administered]),
    listener: value(style, tokens[MAP_TOKENS.listener]),
    forwarded: value(style, tokens[MAP_TOKENS.forwarded]),
    label: value(style, tokens[MAP_TOKENS.label]),
    focus: value(style, tokens[MAP_TOKENS.focus]),
    font: `${value(style, tokens.fontSizeBase100)} ${value(style, tokens.fontFamilyBase)}`,
  };
};
