/**
 * The conversation as displayed: the flat list as a tree of replies, and the changes that only the
 * reading side makes (pages appended, comments changed or removed). Loaded on demand (lazy.ts).
 */
import type { Comment } from '../api/comments.js';
import { subtreeEnd } from './thread.js';

/** A comment as displayed, with its replies. */
export interface Node {
  c: Comment;
  kids: Node[];
}

/** The list's comments as a tree, by depth (a reply's parent is the nearest earlier comment one level up). */
export function tree(items: readonly Comment[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const c of items) {
    const node = { c, kids: [] };
    stack.length = Math.min(c.depth, stack.length);
    (stack[stack.length - 1]?.kids ?? roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** A page appended, without the comments already shown (a live arrival, the reader's own). */
export function append(items: readonly Comment[], page: readonly Comment[]): Comment[] {
  const seen = new Set(items.map((c) => c.id));
  return [...items, ...page.filter((c) => !seen.has(c.id))];
}

/** A comment changed (edited, liked, deleted to a placeholder), in place. */
export const replace = (items: readonly Comment[], c: Comment): Comment[] => items.map((x) => (x.id === c.id ? c : x));

/** A comment removed with its replies (the reader's own pending comment deleted). */
export function remove(items: readonly Comment[], id: string): Comment[] {
  const i = items.findIndex((x) => x.id === id);
  return i < 0 ? [...items] : [...items.slice(0, i), ...items.slice(subtreeEnd(items, i))];
}
