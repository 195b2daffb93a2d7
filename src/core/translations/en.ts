/**
 * English strings. Each widget has its own table, so a widget's bundle carries only its strings;
 * `fr.ts` has the same shape (the types enforce it). Adding a language is one file like this one
 * plus its code in `Lang` (core/localize.ts) and in each widget's `tables`.
 */
import type { CivicErrorKind } from '../../api/errors.js';

export const core = {
  loading: 'Loading…',
  retry: 'Try again',
  optional: 'optional',
  required: 'Required',
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
    network: 'The network is unreachable. Check your connection and try again.',
    timeout: 'The server is taking too long to answer. Try again in a moment.',
    server: 'Something went wrong on the server. Try again in a moment.',
    unsupported: 'This widget has no server to talk to: give it an api attribute or put it in a <civic-provider>.',
  } as Partial<Record<CivicErrorKind, string>> & { server: string },
};

export const petition = {
  signatures: (n: number) => (n === 1 ? 'signature' : 'signatures'),
  goal: (f: string) => `Goal: ${f}`,
  goalReached: (old: string, next: string) => `Goal of ${old} reached! Next goal: ${next}`,
  closesOn: (d: string) => `Open until ${d}`,
  closedOn: (d: string) => `Closed on ${d}`,
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
  queued: 'You seem to be offline. Your signature is saved on this device and will be sent as soon as the network returns.',
  sent: 'Your saved signature has been sent.',
  share: 'Share this petition',
  copy: 'Copy the link',
  copied: 'Link copied',
  recent: 'Recent signers',
};

export type CoreStrings = typeof core;
export type PetitionStrings = typeof petition;
