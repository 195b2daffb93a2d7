/** Polls, proposals and arguments for the poll's browser tests and stories. */
import type { Argument, Poll, Proposal } from '../../src/api/poll.js';

const now = Date.now();
const DAY = 86_400_000;
const at = (days: number) => new Date(now + days * DAY).toISOString();

export function quickPoll(over: Partial<Poll> = {}): Poll {
  return {
    id: 'ministere',
    kind: 'quick',
    title: 'Le Québec devrait-il se doter d’un ministère du Numérique ?',
    description: 'Un ministère porterait la stratégie numérique de l’État et coordonnerait les projets des autres ministères.',
    voteKind: 'single',
    status: 'open',
    opensAt: null,
    closesAt: at(30),
    resultsVisibility: 'after-vote',
    allowProposals: false,
    moderateProposals: true,
    confirmEmail: false,
    challenge: false,
    maxChoices: null,
    themes: [],
    options: [
      { id: 'oui', label: 'Oui' },
      { id: 'non', label: 'Non' },
      { id: 'sans-avis', label: 'Sans opinion' },
    ],
    participantCount: 0,
    proposalCount: 0,
    locale: 'fr',
    createdAt: at(-10),
    updatedAt: at(-1),
    ...over,
  };
}

export function consultation(over: Partial<Poll> = {}): Poll {
  return quickPoll({
    id: 'contribuez',
    kind: 'consultation',
    title: '#Contribuez : l’ambition numérique',
    description: 'Proposez, débattez et votez sur les quatre thèmes de la concertation.',
    voteKind: 'agreement',
    resultsVisibility: 'always',
    allowProposals: true,
    moderateProposals: true,
    options: [],
    themes: [
      { id: 'croissance', title: 'Croissance et innovation', description: '' },
      { id: 'loyaute', title: 'Loyauté dans l’environnement numérique', description: '' },
      { id: 'action-publique', title: 'Transformation numérique de l’action publique', description: '' },
      { id: 'societe', title: 'Société et métamorphose numérique', description: '' },
    ],
    ...over,
  });
}

const proposal = (id: string, themeId: string, title: string, body: string, authorName: string, days: number): Proposal => ({
  id,
  pollId: 'contribuez',
  themeId,
  title,
  body,
  authorName,
  status: 'published',
  argumentCount: 0,
  createdAt: at(days),
});

export const proposals = (): Proposal[] => [
  proposal('champions', 'croissance', 'Un champion numérique par région', 'Repérer un champion régional innovant dans chaque région, et le pousser à franchir les prochaines étapes.', 'Fabrice', -5),
  proposal('education', 'loyaute', 'Une éducation civique numérique dès l’école', 'La poursuivre tout au long des formations, et mieux former les enseignants au numérique.', 'Fabrice', -4),
  proposal('agents', 'action-publique', 'Former chaque agent de l’État au numérique', 'Un courriel professionnel et une formation de base aux réseaux sociaux pour chaque agent.', 'Claude', -3),
  proposal('journees', 'societe', 'Des journées des usages et solutions en région', 'Confronter les besoins non couverts aux solutions des entreprises de la région, en priorité en santé et en environnement.', 'Michelle', -2),
];

export const argumentsOf = (): Argument[] => [
  { id: 'a1', proposalId: 'champions', side: 'for', body: 'Une locomotive entraîne tout un écosystème.', authorName: 'Sylvain', status: 'published', likeCount: 4, createdAt: at(-4) },
  { id: 'a2', proposalId: 'champions', side: 'against', body: 'Choisir un seul champion, c’est abandonner les autres.', authorName: 'René', status: 'published', likeCount: 2, createdAt: at(-3) },
];
