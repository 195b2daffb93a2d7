/** Registers <civic-comments>. */
import { define } from '../core/define.js';
import { CivicComments } from '../comments/civic-comments.js';

define('civic-comments', CivicComments);
export { CivicComments };
