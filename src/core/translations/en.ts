/**
 * English strings, the reference: every language's file has this shape (`Translation` in
 * ../locales.ts; the typecheck names a string missing). One table per widget, named after it, plus
 * `core`, so a widget's CDN file carries only its own strings. Adding a language is one file like
 * `fr.ts` and its line in ../locales.ts; adding a widget, its table here and in every language.
 */
import type { CivicErrorKind } from '../../api/errors.js';

export const core = {
  loading: 'Loading…',
  retry: 'Try again',
  optional: 'optional',
  /** What to enter in a required field left empty, by the field's name (its last part after a dash). */
  missing: {
    name: 'Enter your name',
    email: 'Enter your email address',
    text: 'Enter your comment',
    title: 'Enter a title for your proposal',
    body: 'Enter your text',
    authorName: 'Enter your name',
  } as Record<string, string>,
  invalid: 'Check this field',
  invalidEmail: 'Enter an email address like name@example.org',
  tooLong: (max: string) => `At most ${max} characters`,
  left: (n: number, f: string) => (n < 0 ? `${f.replace('-', '')} too many characters` : `${f} character${n === 1 ? '' : 's'} left`),
  fix: (n: number) => (n === 1 ? 'One field needs attention.' : `${n} fields need attention.`),
  honeypot: 'Leave this field empty',
  /** Failures by kind; kinds not listed use `server`. */
  errors: {
    validation: 'Some fields need attention.',
    'not-found': 'This item could not be found.',
    closed: 'This is closed and no longer accepts contributions.',
    'rate-limited': 'Too many attempts. Wait a moment and try again.',
    'address-limit':
      'Too many people have taken part from your network lately (a shared connection, such as a school’s or an office’s). Yours was not counted: try again later.',
    network: 'The network is unreachable. Check your connection and try again.',
    timeout: 'The server is taking too long to answer. Try again in a moment.',
    server: 'Something went wrong on the server. Try again in a moment.',
    unsupported: 'This widget has no server to talk to: give it an api attribute or put it in a <civic-provider>.',
  } as Partial<Record<CivicErrorKind, string>> & { server: string },
};

/** The dates of a petition or a poll: open until, closed on. */
const dates = {
  closesOn: (d: string) => `Open until ${d}`,
  closedOn: (d: string) => `Closed on ${d}`,
};

export const petition = {
  signatures: (n: number) => (n === 1 ? 'signature' : 'signatures'),
  goal: (f: string) => `Goal: ${f}`,
  goalReached: (old: string, next: string) => `Goal of ${old} reached! Next goal: ${next}`,
  ...dates,
  closed: 'This petition is closed and no longer accepts signatures.',
  sign: 'Sign this petition',
  name: 'Full name',
  email: 'Email',
  emailHint: 'Used to confirm your signature; never shown.',
  postalCode: 'Postal code',
  city: 'City',
  comment: 'Why I sign',
  showName: 'Show my first name, initial and city among the signers',
  acceptUpdates: 'Email me news of this petition from its organiser',
  submit: 'Sign',
  sending: 'Signing…',
  privacy: 'You can withdraw your signature at any time through the link in the email you will receive.',
  thanks: 'Thank you for signing!',
  counted: 'Your signature is counted.',
  checkEmail: 'Almost done: open the email we just sent you and follow its link to confirm. Your signature counts once confirmed.',
  alreadySigned: 'This email address has already signed this petition.',
  /** With double opt-in: the server sends a new link to a signature still unconfirmed (at most every 10 minutes). */
  signedAgain: 'This email address has already signed this petition. Not confirmed yet? Check your inbox (and spam folder): a new confirmation link is on its way, at most one every 10 minutes.',
  queued: 'You seem to be offline. Your signature is saved on this device and will be sent as soon as the network returns.',
  sent: 'Your saved signature has been sent.',
  share: 'Share this petition',
  copy: 'Copy the link',
  copied: 'Link copied',
  recent: 'Recent signers',
};

export type CoreStrings = typeof core;
export type PetitionStrings = typeof petition;

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

export const poll = {
  participants: (n: number, f: string) => `${f} ${plural(n, 'participant')}`,
  opensOn: (d: string) => `Opens on ${d}`,
  ...dates,
  closed: 'This poll is closed: here are its final results.',
  upcoming: 'This poll is not open yet.',
  vote: 'Vote',
  voting: 'Sending…',
  cancel: 'Cancel',
  change: 'Change my vote',
  withdraw: 'Withdraw my vote',
  yourVote: 'Your vote:',
  yourVoteOn: 'Your vote on:',
  yours: '(your choice)',
  upTo: (f: string) => `Choose up to ${f}.`,
  tooMany: (f: string) => `You can choose at most ${f}. Remove a choice first.`,
  chooseOne: 'Choose an answer first.',
  choose: 'Choose',
  chosen: (n: number, f: string, max: string) => `${f} of ${max} chosen`,
  values: { support: 'I support this', agree: 'Agree', mixed: 'Mixed', disagree: 'Disagree' } as Record<'support' | 'agree' | 'mixed' | 'disagree', string>,
  counted: 'Thank you, your vote is counted.',
  pending: 'Your vote is saved: it will count once you have confirmed your email.',
  withdrawn: 'Your vote is withdrawn.',
  queued: 'You seem to be offline. Your vote is saved on this device and will be sent when the network returns.',
  queuedForm: 'You seem to be offline. What you wrote is saved on this device and will be sent when the network returns.',
  sent: 'Your saved vote has been sent.',
  results: 'Results',
  votes: (n: number, f: string) => `${f} ${plural(n, 'vote')}`,
  supporters: (n: number, f: string) => `${f} ${plural(n, 'supporter')}`,
  hiddenAfterVote: 'Results show once you have voted.',
  hiddenAfterClose: 'Results show when the poll closes.',
  updated: (f: string) => `Results updated: ${f} participants.`,
  agreeWhere: 'Where participants agree',
  dividedWhere: 'Where they are divided',
  consensusHint: 'Ranked by a score that weighs how many voted: a few votes do not outrank many.',
  theme: 'Theme',
  allThemes: 'All themes',
  noTheme: 'No theme',
  sort: 'Order',
  sorts: { newest: 'Newest', support: 'Most supported', consensus: 'Most agreed', division: 'Most divisive' } as Record<'newest' | 'support' | 'consensus' | 'division', string>,
  proposals: (n: number, f: string) => `${f} ${plural(n, 'proposal')}`,
  none: 'No proposals yet.',
  more: 'Show more proposals',
  by: (name: string, date: string) => `By ${name}, ${date}`,
  proposalPending: 'Waiting for a moderator: only you see it for now.',
  arguments: (n: number, f: string) => `Arguments (${f})`,
  for: 'For',
  against: 'Against',
  noArguments: 'None yet.',
  like: 'Like',
  likeOf: (author: string) => `(${author}’s argument)`,
  addArgument: 'Add an argument',
  side: 'Side',
  argument: 'Your argument',
  yourName: 'Your name',
  send: 'Send',
  argumentPublished: 'Thank you, your argument is published.',
  argumentPending: 'Thank you! Your argument will appear once a moderator has read it.',
  propose: 'Make a proposal',
  proposalTitle: 'Title',
  proposalBody: 'Your proposal',
  moderated: 'Proposals appear once a moderator has read them.',
  submit: 'Submit',
  thanksPublished: 'Thank you, your proposal is published.',
  thanksPending: 'Thank you! Your proposal will appear once a moderator has read it.',
  seeProposal: 'See your proposal',
  confirmTitle: 'Confirm your email',
  confirmIntro: 'For your votes to count, confirm an email address once: we send you a link. One vote per address; the address is not kept.',
  email: 'Email',
  emailHint: 'Only used to send the link.',
  sendLink: 'Send the link',
  linkSent: 'Check your email and follow the link: your votes will then count.',
};

export type PollStrings = typeof poll;

const stances3 = ['Disagree', 'Neutral', 'Agree'];

export const comparator = {
  matrix: 'Positions table',
  questionnaire: 'Questionnaire',
  views: 'Views',
  theme: 'Theme',
  allThemes: 'All themes',
  statement: 'Statement',
  /** Stances from the lowest to the highest, on each scale (in English, the 5-point one adds a strong stance at each end). */
  stances3,
  stances5: ['Strongly disagree', ...stances3, 'Strongly agree'],
  noAnswer: 'No answer',
  noQuote: 'No quote or source was given for this position.',
  source: 'Source',
  saidOn: (d: string) => `said on ${d}`,
  close: 'Close',
  progress: (i: string, n: string) => `Statement ${i} of ${n}`,
  double: 'This statement counts double for me',
  back: 'Back',
  skip: 'Skip',
  next: 'Next',
  finish: 'See my results',
  results: 'Your results',
  noneAnswered: 'You have answered no statement yet, so there is nothing to match.',
  match: (p: string) => `${p} match`,
  /** A party that took no stance on any of the reader's statements: no match to speak of. */
  noStance: 'no stance to compare',
  covered: (c: number, n: number) =>
    n === 1 ? `${c ? 'Took a' : 'Took no'} stance on your one statement` : `Took a stance on ${c} of your ${n} statements`,
  detail: (name: string) => `How ${name}’s match was made`,
  you: 'You',
  /** `Name: value` (French puts a space before the colon). */
  theirs: (name: string, value: string) => `${name}: ${value}`,
  counted: 'counts double',
  /** Points earned (n, formatted p) of max, and what they added to the match in percentage points. */
  points: (n: number, p: string, max: string, added: string) => `${p} of ${max} points (adds ${added}%)`,
  methodLabel: 'Matching method',
  methods: {
    'wahl-o-mat': 'Wahl-O-Mat points',
    'city-block': 'Distance (city-block)',
    hybrid: 'Hybrid model (Mendez)',
  },
  /** The method in plain language, shown with the results. */
  explain: {
    'wahl-o-mat':
      'For each statement you answered, a party gets 2 points when it takes the same side as you (agree, neutral or disagree), 1 point when exactly one of you is neutral, and 0 when it takes the opposite side. On a 5-point scale only the side counts: “strongly agree” and “agree” are alike.',
    'city-block':
      'For each statement you answered, a party gets 2 points when its stance is the same as yours and 0 when it is at the other end of the scale, in equal steps in between.',
    hybrid:
      'For each statement you answered, a party gets 2 points for the very stance you took, 1.5 when it is on your side and only one of you holds it strongly, 0 at the other end of the scale, and half a point in every other case (one of you neutral, or opposite sides without a strong stance). This is the hybrid model published by Mendez (2012), as OpenElectionCompass applies it.',
  },
  explainCommon: 'A statement that counts double is worth twice as much; skipped statements do not count at all. The match is the share of the points a party could have had.',
  missing: {
    zero: 'When a party took no stance on a statement, it gets 0 points for it.',
    neutral: 'When a party took no stance on a statement, it is counted as neutral.',
  },
  edit: 'Change my answers',
  restart: 'Start again',
  copyLink: 'Copy a link to my results',
  copied: 'Link copied. It holds your answers: whoever opens it sees them.',
  privacy: 'Your answers stay in your browser: nothing is sent anywhere.',
  optIn: 'The organiser collects answers anonymously for statistics: your answers only, with no name, address or cookie.',
  send: 'Send my answers anonymously',
  sending: 'Sending…',
  sent: 'Thank you: your answers were sent anonymously.',
  queued: 'You seem to be offline. Your answers are kept on this device and will be sent when the network returns.',
  resultsFor: (name: string, p: string) => `Best match: ${name}, ${p}.`,
  /** A static file that is not a usable comparison. */
  invalidFile: (src: string) => `The comparison file ${src} cannot be used:`,
  notJson: 'it is not valid JSON.',
  httpError: (status: number) => `it could not be loaded (HTTP ${status}).`,
  /** What each problem of a hand-written file means, by its code. */
  problems: {
    invalid_type: 'missing, or of the wrong type',
    duplicate: 'this id is used twice',
    unknown: 'no such party or statement',
    off_scale: 'not a stance of the scale',
    invalid_format: 'not in the expected format',
    invalid_value: 'not an accepted value',
    too_big: 'over the limit (the same as the server’s)',
  } as Record<string, string>,
};

export type ComparatorStrings = typeof comparator;

export const comments = {
  heading: (n: number, f: string) => (n ? `${f} comment${n === 1 ? '' : 's'}` : 'Comments'),
  write: 'Write a comment',
  replyTo: (name: string) => `Reply to ${name}`,
  name: 'Name',
  email: 'Email',
  emailHint: 'Never shown. Used for moderation and, if you wish, to tell you about replies.',
  website: 'Website',
  text: 'Comment',
  textHint: 'Markdown: *italics*, **bold**, `code`, [link](https://…), > quote, - list',
  notifyReplies: 'Email me when someone replies',
  notifyNeedsEmail: 'Give an email address to be told about replies',
  preview: 'Preview',
  submit: 'Post comment',
  submitReply: 'Post reply',
  sending: 'Posting…',
  cancel: 'Cancel',
  reply: 'Reply',
  inReplyTo: (name: string) => `In reply to ${name}`,
  like: 'Like',
  report: 'Report',
  reported: 'Reported',
  reportedSaid: 'Thank you: the moderators will have a look.',
  confirmReport: 'Report this comment to the moderators?',
  reportYes: 'Yes, report',
  edit: 'Edit',
  editLabel: 'Edit your comment',
  save: 'Save',
  delete: 'Delete',
  confirmDelete: 'Delete this comment for good?',
  deleteYes: 'Yes, delete',
  keep: 'No, keep it',
  editableUntil: (time: string) => `You can edit or delete it until ${time}.`,
  edited: '(edited)',
  deleted: 'This comment was deleted.',
  pinned: 'Pinned',
  pending: 'Awaiting moderation: only you can see it.',
  published: 'Your comment is published.',
  pendingSaid: 'Your comment was received and awaits moderation.',
  updated: 'Your comment was updated.',
  removed: 'Your comment was deleted.',
  windowClosed: 'The time to edit or delete this comment has passed.',
  closed: 'Comments are closed.',
  empty: 'No comments yet. Start the conversation!',
  sort: 'Sort by',
  oldest: 'Oldest',
  newest: 'Newest',
  likes: 'Most liked',
  more: 'Show more comments',
  loaded: (n: number) => `${n} more comment${n === 1 ? '' : 's'} shown.`,
  fresh: (n: number, f: string) => `${f} new comment${n === 1 ? '' : 's'}`,
  show: (label: string) => `Show ${label}`,
  queued: 'You seem to be offline. Your comment is saved on this device and will be sent as soon as the network returns.',
  queuedItem: 'Not sent yet: saved on this device.',
  sent: 'Your saved comment has been sent.',
  mentions: 'Elsewhere on the web',
  duplicate: 'You have already posted this comment.',
  forbidden: 'This comment cannot be posted from here.',
  tooManyLinks: (max: string) => `At most ${max} links per comment: remove some before posting`,
  /** The server's own refusals by issue code (a challenge's by its path), see issues.ts. */
  issues: {
    not_found: 'The comment you are replying to is no longer there.',
    challenge: 'The anti-spam check did not succeed. Send the comment again.',
    too_many: 'This comment has had as many likes from your network as it can take.',
  } as Partial<Record<string, string>>,
};

export type CommentsStrings = typeof comments;

export { console, type ConsoleStrings } from './console/en.js';
