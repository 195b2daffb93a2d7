/**
 * The console's screens' strings in English (dashboard, signers, threads, audit log), apart from
 * ./en.ts to keep each file readable; its `console` table takes them in.
 */
import { savedAs } from './forms-en.js';

export const dashboard = {
  nav: 'Dashboard', title: 'Dashboard',
  freshness: (live: number, seconds: number) => `Counts are asked again every ${seconds} seconds; the ${live} open items changed last update live.`,
  live: 'live', moderationTitle: 'Waiting for moderation', nothingWaits: 'Nothing waits for moderation.',
  commentsWaiting: (held: string, flagged: string) => `Comments: ${held} held, ${flagged} reported.`,
  toQueue: 'Open the moderation queue',
  pollWaiting: (n: string, title: string) => `${n} proposals or arguments wait in “${title}”.`,
  open: 'Open', openItem: (title: string) => `Open “${title}”`,
  signers: 'Signers', signersOf: (title: string) => `Signers of “${title}”`, threads: 'Comment threads', thread: 'Thread', comments: 'Comments', waiting: 'Waiting',
  heldFlagged: (held: string, flagged: string) => `${held} held, ${flagged} reported`,
  noThreads: 'No comment threads yet.', polls: 'Polls and consultations', poll: 'Poll', participants: 'Participants',
  upcoming: 'upcoming', noPolls: 'No polls yet.', comparisons: 'Comparisons', comparison: 'Comparison', answers: 'Answers collected',
  notCollected: 'not collected', noComparisons: 'No comparisons yet.',
};

export const signers = {
  title: (title: string) => `Signers of “${title}”`,
  count: (count: string, goal: string) => `${count} confirmed signatures of ${goal}`,
  csv: 'Download every signature (CSV)',
  search: 'Name or email contains', state: 'Confirmation', all: 'All', confirmed: 'confirmed', unconfirmed: 'awaiting confirmation',
  find: 'Search', signedAt: 'Signed',
  results: (n: number, f: string, page: string) => `${f} signer${n === 1 ? '' : 's'} found, page ${page}`,
  none: 'No signer matches.', pages: 'Pages of signers', previous: 'Previous page', next: 'Next page',
  erase: 'Erase', keep: 'Keep', eraseOf: (name: string) => `Erase the signature of ${name}`,
  confirmErase: (name: string) => `Erase the signature of ${name} for good?`,
  erased: (name: string) => `Signature of ${name} erased.`,
};

export const threads = {
  nav: 'Threads', new: 'New thread', editTitle: (title: string) => `Edit the thread “${title}”`,
  title: 'Title', url: 'Address of the page', urlHint: 'The page the comments are on, e.g. https://blog.example/post (webmentions to it land here)',
  moderation: 'Moderation',
  modes: { post: 'Published at once, moderated after', pre: 'Every comment held for approval', 'first-time': 'A new author’s first comment held' } as Record<string, string>,
  maxDepth: 'Reply depth', maxDepthHint: 'From 0 (no replies nested) to 10',
  editWindow: 'Edit window (minutes)', editWindowHint: 'How long authors may change or delete their comment, from 0 (never) to 1440',
  badUrl: 'Enter a web address starting with https:// or http://',
  range: (min: string, max: string) => `Enter a whole number from ${min} to ${max}`,
  ...savedAs('Thread'),
  close: 'Close', reopen: 'Open',
  closedSaid: (title: string) => `Thread “${title}” closed: no new comments.`, openedSaid: (title: string) => `Thread “${title}” open to comments.`,
  publishIntro: 'Paste this HTML where the comments should appear on your site (under a blog post, on a page).',
};

export const audit = {
  nav: 'Audit log', title: 'Audit log', filters: 'Filter the log',
  actor: 'Who', anyone: 'Anyone', action: 'Action (e.g. updatePetition)', itemType: 'Kind of item', anyType: 'Any kind',
  itemId: 'Item (its identifier)', from: 'From (day)', to: 'To (day, included)', apply: 'Filter',
  csv: 'Download these entries (CSV)', when: 'When', item: 'Item', change: 'Change',
  actors: { token: 'the API token', cli: 'the command line', system: 'the server' } as Record<string, string>,
  removedAccount: (id: string) => `removed account #${id}`,
  types: {
    petition: 'petition', signature: 'signature', thread: 'thread', comment: 'comment', block: 'block', poll: 'poll', proposal: 'proposal',
    argument: 'argument', comparison: 'comparison', account: 'account', session: 'session', passkey: 'passkey',
  } as Record<string, string>,
  results: (n: number, f: string, page: string) => `${f} entr${n === 1 ? 'y' : 'ies'}, page ${page}`,
  none: 'No entry matches.', pages: 'Pages of the log',
};
