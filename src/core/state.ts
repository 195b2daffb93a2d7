/**
 * The declaration of a reactive property that is internal state (no attribute): `{ x: state }`. Shared
 * by the widgets and the console, so that each bundle writes the object once.
 */
export const state = { state: true } as const;
