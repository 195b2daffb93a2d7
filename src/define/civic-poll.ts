/** Registers <civic-poll>. */
import { define } from '../core/define.js';
import { CivicPoll } from '../poll/civic-poll.js';

define('civic-poll', CivicPoll);
export { CivicPoll };
