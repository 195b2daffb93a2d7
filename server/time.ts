/**
 * Time on the server: timestamps as the contract writes them (ISO 8601 UTC), and the clock that
 * decides what depends on the time of day (tests pass one they can move instead of waiting).
 */

/** Milliseconds since the epoch, now. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A timestamp from the driver (Date) or from JSON built in SQL (text) as ISO 8601 UTC. */
export const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

/** `iso`, with null (and undefined) as null. */
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));
