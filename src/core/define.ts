/**
 * Registers a tag once. An embed may be loaded twice on one page (two widgets pasted with their
 * own script tags, or the npm build beside the CDN file): the second define is a no-op, with a
 * warning in Lit's dev mode when it is a different copy of the class.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  // `litIssuedWarnings` exists in Lit's dev mode only; the CDN build drops this branch.
  else if (existing !== ctor && 'litIssuedWarnings' in globalThis)
    console.warn(`<${tag}> is already defined by another copy of civic-widgets; this copy is ignored.`);
}
