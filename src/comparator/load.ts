/**
 * Where a comparison comes from: the backend, or a static JSON file a blogger publishes with no
 * server at all. Either way it is checked with the contract's schema and `comparisonProblems`, and
 * a file that fails says which fields are wrong.
 */
import type { ComparisonBackend } from '../api/backend.js';
import { Comparison, LIMITS, comparisonProblems, withDefaults, type FullComparison } from '../api/comparison.js';
import { CivicError, toIssues } from '../api/errors.js';

/** A static file that is not a usable comparison: `status` (HTTP), `json` false (not JSON), or `issues`. */
export class FileError extends CivicError {
  constructor(
    readonly src: string,
    readonly json = true,
    status?: number,
    issues?: CivicError['issues'],
  ) {
    super('invalid-response', `${src} is not a usable comparison`, { ...(status ? { status } : {}), ...(issues ? { issues } : {}) });
  }
}

/** The comparison, checked, with its defaults filled in. */
export async function loadComparison(api: () => ComparisonBackend, id: string | undefined, src: string | undefined, signal: AbortSignal): Promise<FullComparison> {
  let data: unknown;
  if (src) {
    const res = await fetch(src, { signal, credentials: 'omit' }).catch((e: unknown) => {
      throw new CivicError(signal.aborted ? 'aborted' : 'network', `${src} could not be fetched`, { cause: e });
    });
    if (!res.ok) throw new FileError(src, true, res.status);
    // No larger than the server takes: a larger file is not parsed.
    const text = await res.text();
    if (text.length > LIMITS.bytes) throw new FileError(src, true, 0, [{ path: src, code: 'too_big', message: '' }]);
    try {
      data = JSON.parse(text);
    } catch {
      throw new FileError(src, false);
    }
    const r = Comparison.safeParse(data);
    if (!r.success) throw new FileError(src, true, 0, toIssues(r.error.issues));
    data = r.data;
  } else data = await api().get(id ?? '', { signal });
  const c = data as Comparison;
  const issues = comparisonProblems(c);
  if (issues.length) throw src ? new FileError(src, true, 0, issues) : new CivicError('invalid-response', 'an unsound comparison', { issues });
  return withDefaults(c);
}
