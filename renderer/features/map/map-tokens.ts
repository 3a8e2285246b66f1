/**
 * The Fluent tokens the port map paints with: the canvas (read-theme-colors.ts), the legend
 * (PortMapView.tsx) and the contrast test (e2e/keyboard-layout.spec.ts) all read this one list.
 *
 * Every mark is a Foreground or BorderActive shade, at least 3:1 (WCAG 1.4.11) against the band it
 * sits on and the card around it, in light and dark. The Background1/Background3 shades used before
 * were made for text backgrounds: the dynamic range's pale yellow was 1.01:1 against white (issue #11).
 */
export const MAP_TOKENS = {
  /** The empty band under every mark. */
  band: 'colorNeutralBackground4',
  dynamic: 'colorPaletteYellowForeground1',
  system: 'colorPaletteDarkOrangeBorderActive',
  administered: 'colorCompoundBrandBackground',
  listener: 'colorNeutralForeground1',
  forwarded: 'colorPaletteBerryForeground1',
  label: 'colorNeutralForeground3',
  /** The keyboard cursor's ring. */
  focus: 'colorStrokeFocus2',
} as const;

export type MapColorName = keyof typeof MAP_TOKENS;

/** Marks that must stand out from the band and the card. */
export const MAP_MARKS = ['dynamic', 'system', 'administered', 'listener', 'forwarded', 'focus'] as const;
