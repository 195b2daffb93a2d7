/** The poll screens' test data: polls, proposals and arguments as the server writes them. */
import type { AdminPoll, PollExport } from '../../src/api/admin.js';
import type { Argument, Proposal } from '../../src/api/poll.js';

export const at = new Date(Date.now() - 3600_000).toISOString();


export const adminPoll = (over: Partial<AdminPoll> = {}): AdminPoll => ({
  id: 'budget-2027', kind: 'quick', title: 'Quelle priorité pour le budget 2027 ?', description: '', voteKind: 'single', status: 'open',
  opensAt: null, closesAt: null, resultsVisibility: 'after-vote', allowProposals: false, moderateProposals: true, confirmEmail: false,
  maxChoices: null, themes: [], options: [{ id: 'ecoles', label: 'Les écoles' }, { id: 'transports', label: 'Les transports' }],
  participantCount: 0, proposalCount: 0, locale: 'fr', createdAt: at, updatedAt: at,
  integrity: 'address-limit', addressLimit: 30, addressPeriodMinutes: 60, challenge: false,
  ...over,
});

export const proposal = (id: string, title: string, over: Partial<Proposal> = {}): Proposal => ({
  id, pollId: 'consult', themeId: null, title, body: `Le texte de ${title}.`, authorName: 'Ana', status: 'published', argumentCount: 0, createdAt: at, ...over,
});

export const argument = (id: string, proposalId: string, over: Partial<Argument> = {}): Argument => ({
  id, proposalId, side: 'for', body: 'Un argument.', authorName: 'Béa', status: 'pending', likeCount: 0, createdAt: at, ...over,
});

export const exported = (poll: AdminPoll, over: Partial<PollExport> = {}): PollExport => ({
  poll,
  results: { pollId: poll.id, visible: true, participantCount: poll.participantCount, poll: null, proposals: {} },
  proposals: [],
  timeline: [],
  exportedAt: at,
  ...over,
});
