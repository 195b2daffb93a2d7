/**
 * WCAG 2.2 contrast for a party's colour. The comparator paints it as a swatch beside the party's
 * name and as the fill of its match bar: graphics that must be told apart from what surrounds them
 * (success criterion 1.4.11, non-text contrast: at least 3:1). The widget's background is white by
 * default and its text is the page's (black by default); in a dark scheme the two swap roles, so a
 * colour must reach 3:1 against both.
 */

/** The least contrast ratio of a graphic against its neighbours (WCAG 1.4.11, level AA). */
export const MIN_CONTRAST = 3;
export const WHITE = '#ffffff';
/** The widget's text by default (it inherits the page's, black unless the page says otherwise). */
export const TEXT = '#000000';

const channel = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** The WCAG relative luminance of `#rrggbb` (0 black to 1 white), or NaN when it is not one. */
export function luminance(hex: string): number {
  const m = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(hex);
  if (!m) return NaN;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => channel(parseInt(x!, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two `#rrggbb` colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Why `colour` fails AA (what it fails against, and its ratio), or undefined when it passes. */
export function colourFailure(colour: string, text = TEXT): { against: 'white' | 'text'; ratio: number } | undefined {
  const white = contrastRatio(colour, WHITE);
  if (white < MIN_CONTRAST) return { against: 'white', ratio: white };
  const dark = contrastRatio(colour, text);
  if (dark < MIN_CONTRAST) return { against: 'text', ratio: dark };
  return undefined;
}
