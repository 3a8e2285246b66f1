import { tokens } from '@fluentui/react-components';
import type { MapColors } from './draw-port-map';

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
    band: value(style, tokens.colorNeutralBackground4),
    dynamic: value(style, tokens.colorPaletteYellowBackground1),
    system: value(style, tokens.colorPaletteDarkOrangeBackground3),
    administered: value(style, tokens.colorBrandBackground),
    listener: value(style, tokens.colorNeutralForeground1),
    forwarded: value(style, tokens.colorPaletteBerryForeground1),
    label: value(style, tokens.colorNeutralForeground3),
    font: `${value(style, tokens.fontSizeBase100)} ${value(style, tokens.fontFamilyBase)}`,
  };
};
