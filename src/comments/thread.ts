/**
 * The conversation as the widget holds it: a flat list of comments in display order (top-level
 * comments, each followed by its replies depth-first, as the contract's pages come), with the
 * operations that keep that order when pages, the reader's own comments and live arrivals come in.
 */
import type { Comment, CommentSort } from '../api/comments.js';

/** The end of `items[i]`'s subtree (the index after its last reply). */
export function subtreeEnd(items: readonly Comment[], i: number): number {
  const depth = items[i]!.depth;
  let j = i + 1;
  while (j < items.length && items[j]!.depth > depth) j++;
  return j;
}

/** Whether the thread holds a comment with this id. */
export const has = (items: readonly Comment[], id: string): boolean => items.some((c) => c.id === id);

/**
 * A new comment put where it belongs: a reply at the end of its parent's replies (oldest first), a
 * top-level comment first (newest first, after the pinned ones) or last (other orders). A reply
 * whose parent is not shown yet is left out (it comes with its parent's page). An id already shown
 * is replaced in place.
 */
export function insert(items: readonly Comment[], c: Comment, sort: CommentSort): Comment[] {
  const at = items.findIndex((x) => x.id === c.id);
  if (at >= 0) return items.map((x) => (x.id === c.id ? c : x));
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
