// An in-memory backend with one petition and one poll, so that the page runs without a server.
// For a real site, give the provider `api="https://your-server.example/api"` instead.
import { MemoryBackend, type Petition, type Poll } from 'civic-widgets/api';

const now = new Date().toISOString();
const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();

const petition: Petition = {
  id: 'bike-lanes',
  title: 'Safe bike lanes on Main Street',
  summary: 'We ask the city council to build protected bike lanes on Main Street before next summer.',
  url: null,
  goal: 500,
  signatureCount: 212,
  status: 'open',
  closesAt: inAMonth,
  doubleOptIn: false,
  locale: 'en',
  recentSigners: [],
  createdAt: now,
  updatedAt: now,
};

const poll: Poll = {
  id: 'library-hours',
  kind: 'quick',
  title: 'Should the library open on Sundays?',
  description: 'The council will decide in June.',
  voteKind: 'single',
  status: 'open',
  opensAt: null,
  closesAt: inAMonth,
  resultsVisibility: 'always',
  allowProposals: false,
  moderateProposals: true,
  confirmEmail: false,
  maxChoices: null,
  themes: [],
  options: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
  participantCount: 0,
  proposalCount: 0,
  locale: 'en',
  createdAt: now,
  updatedAt: now,
};

export const createBackend = () => new MemoryBackend({ petitions: [petition], polls: { polls: [poll] } });
