/**
 * What the widget loads on demand, in parallel with the first comments: reading the conversation
 * (its rendering, the markdown renderer, likes, reports, the author's edits, live updates). Readers need it only
 * once comments have come from the network, so it never stands between a reader and posting offline.
 */
export { renderMarkdown } from './markdown-render.js';
export { renderList } from './view.js';
export { listen } from './actions.js';
export { listStyles } from './list.styles.js';
export { issueText } from './issues.js';
