/** Registers <civic-provider>. */
import { define } from '../core/define.js';
import { CivicProvider } from '../provider/civic-provider.js';

define('civic-provider', CivicProvider);
export { CivicProvider };
