/** Registers <civic-console>, the organisers' console (its screens register as they load). */
import { CivicConsole } from '../console/civic-console.js';
import { define } from '../core/define.js';

define('civic-console', CivicConsole);
export { CivicConsole };
