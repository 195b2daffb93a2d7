/**
 * The conversation as the widget holds it: a flat list of comments in display order (top-level
 * comments, each followed by its replies depth-first, as the contract's pages come), with the
 * operations that keep that order when pages, the reader's own comments and live arrivals come in.
 */
import type { Comment, CommentSort } from '../api/comments.js';

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

/** The end of `items[i]`'s subtree (the index after its last reply). */
function subtreeEnd(items: readonly Comment[], i: number): number {
  const depth = items[i]!.depth;
  let j = i + 1;
  while (j < items.length && items[j]!.depth > depth) j++;
  return j;
}

/** Whether the thread holds a comment with this id. */
export const has = (items: readonly Comment[], id: string): boolean => items.some((c) => c.id === id);

/** A page appended, without the comments already shown (a live arrival, the reader's own). */
export function append(items: readonly Comment[], page: readonly Comment[]): Comment[] {
  const seen = new Set(items.map((c) => c.id));
  return [...items, ...page.filter((c) => !seen.has(c.id))];
}

/**
 * A new comment put where it belongs: a reply at the end of its parent's replies (oldest first), a
 * top-level comment first (newest first, after the pinned ones) or last (other orders). A reply
 * whose parent is not shown yet is left out (it comes with its parent's page). An id already shown
 * is replaced in place.
 */
export function insert(items: readonly Comment[], c: Comment, sort: CommentSort): Comment[] {
  const at = items.findIndex((x) => x.id === c.id);
  if (at >= 0) return replace(items, c);
  const parent = c.parentId === null ? -1 : items.findIndex((x) => x.id === c.parentId);
  if (c.parentId !== null && parent < 0) return [...items];
  let i = items.length;
  if (parent >= 0) i = subtreeEnd(items, parent);
  else if (sort === 'newest') {
    const first = items.findIndex((x) => x.depth === 0 && !x.pinned);
    if (first >= 0) i = first;
  }
  const out = [...items];
  out.splice(i, 0, c);
  return out;
}

/** A comment changed (edited, liked, deleted to a placeholder), in place. */
export const replace = (items: readonly Comment[], c: Comment): Comment[] => items.map((x) => (x.id === c.id ? c : x));

/** A comment removed with its replies (the reader's own pending comment deleted). */
export function remove(items: readonly Comment[], id: string): Comment[] {
  const i = items.findIndex((x) => x.id === id);
  return i < 0 ? [...items] : [...items.slice(0, i), ...items.slice(subtreeEnd(items, i))];
}
