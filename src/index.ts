/** `civic-widgets`: registers every element and exports their classes and the API. */
import './define/civic-provider.js';
import './define/civic-petition.js';
import './define/civic-comments.js';
import './define/civic-poll.js';
import './define/civic-comparator.js';

export * from './api/index.js';
export { CivicProvider } from './define/civic-provider.js';
export { CivicPetition } from './define/civic-petition.js';
export { CivicPoll } from './define/civic-poll.js';
export { CivicComparator } from './define/civic-comparator.js';
export { CivicElement } from './core/civic-element.js';
export { backendContext } from './core/context.js';
export * from './core/events.js';
export * from './core/proposed-event.js';
export { CivicComments } from './define/civic-comments.js';
