/** RestBackend: the CivicBackend that speaks the REST contract of the reference server. */
import type { CivicBackend, CommentsBackend, ComparisonBackend, PetitionBackend, PollBackend } from './backend.js';
import { RestClient, type RestOptions } from './rest.js';
import { restPetitions } from './rest-petitions.js';
import { restComments } from './rest-comments.js';
import { restPolls } from './rest-poll.js';
import { restComparisons } from './rest-comparison.js';

/**
 * A backend for a server that speaks the REST contract (the reference server, or yours).
 *
 * ```js
 * const backend = new RestBackend({ baseUrl: 'https://example.org/api', timeoutMs: 8000 });
 * ```
 */
export class RestBackend implements CivicBackend {
  // `declare`d and set in the constructor: no class-field declarations in the CDN files.
  declare readonly client: RestClient;
  declare readonly petitions: PetitionBackend;
  declare readonly comments: CommentsBackend;
  declare readonly polls: PollBackend;
  declare readonly comparisons: ComparisonBackend;

  constructor(options: RestOptions | string) {
    this.client = new RestClient(typeof options === 'string' ? { baseUrl: options } : options);
    this.petitions = restPetitions(this.client);
    this.comments = restComments(this.client);
    this.polls = restPolls(this.client);
    this.comparisons = restComparisons(this.client);
  }
}
