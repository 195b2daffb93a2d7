/** Registers <civic-comparator>. */
import { define } from '../core/define.js';
import { CivicComparator } from '../comparator/civic-comparator.js';

define('civic-comparator', CivicComparator);
export { CivicComparator };
