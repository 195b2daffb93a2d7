/** Colours as the browser computes them, and WCAG contrast: what the focus and target tests measure. */
type RGBA = [number, number, number, number];
/** A computed colour (`rgb()`, `rgba()` or `color(srgb …)`) as 0-255 channels and alpha. */
function rgba(value: string): RGBA {
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)/.exec(value);
  if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] ? +srgb[4] : 1];
  const n = value.match(/[\d.]+/g)!.map(Number);
  return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
}
const over = (top: RGBA, below: RGBA): RGBA => [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])).concat(1) as RGBA;
const luminance = ([r, g, b]: RGBA) =>
  [r, g, b].map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i]!, 0);
/** The WCAG contrast ratio of two opaque colours. */
export function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
const parentOf = (n: Element) => n.parentElement ?? ((n.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
/** The colour painted behind an element: its ancestors' backgrounds (across shadow roots), blended. */
function backdrop(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let n = parentOf(el); n; n = parentOf(n)) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] === 1) break;
  }
  return layers.reduceRight<RGBA>((below, top) => over(top, below), [255, 255, 255, 1]);
}

/** What the focused button's ring measures on its page. */
export function ring(button: HTMLElement) {
  button.focus();
  const s = getComputedStyle(button);
  const around = backdrop(button);
  const colour = over(rgba(s.outlineColor), around);
  const fill = over(rgba(s.backgroundColor), around);
  return {
    visible: button.matches(':focus-visible') && s.outlineStyle === 'solid' && parseFloat(s.outlineWidth) >= 2,
    againstPage: contrast(colour, around),
    apart: parseFloat(s.outlineOffset) >= 1 || contrast(colour, fill) >= 3,
    label: contrast(over(rgba(s.webkitTextFillColor), fill), fill),
  };
}
