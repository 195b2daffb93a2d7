/** How people's emails and names are normalised: de-duplication and public display. Pure; shared by the server and MemoryBackend. */

/**
 * The form of an email used to de-duplicate signatures: trimmed, lower-cased, without a `+tag`,
 * and without dots for Gmail, which ignores them.
 */
export function normaliseEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  let local = lower.slice(0, at).split('+')[0] ?? '';
  let domain = lower.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}

/** The public form of a signer's name: first name and the initial of the last word ("Marie T."). */
export function publicName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  if (words.length < 2) return first;
  const last = words[words.length - 1] ?? '';
  return `${first} ${Array.from(last)[0]?.toUpperCase() ?? ''}.`;
}
