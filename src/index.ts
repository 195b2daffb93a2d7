/** `civic-widgets`: registers every element and exports their classes and the API. */
import './define/civic-provider.js';
import './define/civic-petition.js';
import './define/civic-comments.js';
import './define/civic-poll.js';
import './define/civic-comparator.js';

export * from './api/index.js';
export { CivicProvider } from './provider/civic-provider.js';
export { CivicPetition } from './petition/civic-petition.js';
export { CivicPoll } from './poll/civic-poll.js';
export { CivicComparator } from './comparator/civic-comparator.js';
export { CivicElement } from './core/civic-element.js';
export { backendContext } from './core/context.js';
export * from './core/events.js';
export { CivicComments } from './comments/civic-comments.js';
