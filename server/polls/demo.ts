/**
 * Demo content: the blog's quick poll on a ministry of digital affairs, and a consultation on the
 * four themes of the CNNum's #Contribuez, seeded with proposals drawn from the posts of the demo
 * (a contributor's first ideas for #Contribuez; the volunteer group's letter for a digital plan for
 * Québec), arguments, and votes that show agreement and division. Loading it again changes nothing.
 */
import type { PollCreate } from '../../src/api/admin.js';
import type { Queryable } from '../db/db.js';
import { insertPoll } from './sql/polls.js';
import { insertDemoArgument, insertProposal, setProposalCreated } from './sql/proposals.js';
import { seedVotes } from './sql/votes.js';

const DAY = 86_400_000;

const ministere: PollCreate = {
  id: 'ministere-numerique',
  kind: 'quick',
  title: 'Le Québec devrait-il se doter d’un ministère du Numérique ?',
  description: 'Un ministère porterait la stratégie numérique de l’État et coordonnerait les projets des autres ministères. Votre avis ?',
  voteKind: 'single',
  resultsVisibility: 'after-vote',
  options: [
    { id: 'oui', label: 'Oui' },
    { id: 'non', label: 'Non' },
    { id: 'sans-opinion', label: 'Je ne sais pas' },
  ],
  locale: 'fr',
};

const contribuez: PollCreate = {
  id: 'contribuez',
  kind: 'consultation',
  title: 'Consultation #Contribuez : quelle ambition numérique ?',
  description:
    'Sur le modèle de la concertation #Contribuez, proposez vos idées dans l’un des quatre thèmes, dites si vous êtes d’accord avec celles des autres ' +
    'et ajoutez vos arguments pour ou contre. Les propositions paraissent après leur lecture par l’équipe de modération.',
  voteKind: 'agreement',
  resultsVisibility: 'always',
  allowProposals: true,
  moderateProposals: true,
  themes: [
    { id: 'croissance', title: 'Croissance et innovation', description: 'Entreprises, start-ups et écosystèmes régionaux.' },
    { id: 'loyaute', title: 'Loyauté dans l’environnement numérique', description: 'Droits, confiance et éducation au numérique.' },
    { id: 'action-publique', title: 'Transformation numérique de l’action publique', description: 'L’État, ses agents et ses systèmes d’information.' },
    { id: 'societe', title: 'Société et métamorphose numérique', description: 'Les usages, les régions et la participation citoyenne.' },
  ],
  locale: 'fr',
};

/** [id, theme, title, body, author, agree, mixed, disagree] */
type Seed = [string, string, string, string, string, number, number, number];
const proposals: Seed[] = [
  ['champions-regionaux', 'croissance', 'Un champion numérique par région',
    'Repérer dans chaque région un seul champion innovant, pas un de plus, puis lui donner tous les moyens de franchir les prochaines étapes. Ces champions serviront de locomotives à leur écosystème.',
    'Fabrice', 41, 22, 47],
  ['ti-prosperite', 'croissance', 'Reconnaître les TI comme fer de lance de la prospérité',
    'Les technologies de l’information font vivre des milliers d’entreprises d’ici. Une stratégie cohérente doit s’appuyer sur le savoir-faire de nos entrepreneurs et de la société civile.',
    'Michelle', 88, 19, 9],
  ['education-civique', 'loyaute', 'Une éducation civique numérique dès l’école',
    'Créer une éducation civique numérique dès l’école et la poursuivre tout au long des formations : elle pèsera dans la conscience des futurs travailleurs du numérique.',
    'Fabrice', 121, 17, 7],
  ['former-enseignants', 'loyaute', 'Mieux former les enseignants au numérique',
    'Pour enseigner le numérique, il faut d’abord former celles et ceux qui enseignent. Il y a du travail !',
    'Sylvie', 96, 14, 6],
  ['agents-etat', 'action-publique', 'Un courriel et une formation au numérique pour chaque agent de l’État',
    'Commencer par le plus petit dénominateur commun, qui aura valeur d’exemple : que chaque agent de l’État ait un courriel professionnel et une formation de base aux réseaux sociaux.',
    'Claude', 69, 31, 12],
  ['systemes-information', 'action-publique', 'Réformer les systèmes d’information de l’État',
    'Lourds, coûteux, peu évolutifs : il est temps de faire table rase et de mettre les systèmes d’information de l’État au niveau de l’époque.',
    'René', 47, 19, 45],
  ['donnees-ouvertes', 'action-publique', 'Des données ouvertes et une place au logiciel libre dans l’État',
    'Un gouvernement ouvert publie ses données dans des formats ouverts et fait une place au logiciel libre dans ses achats.',
    'Cyrille', 132, 9, 5],
  ['journees-usages', 'societe', 'Des journées des usages et solutions en région',
    'Confronter les besoins non couverts de la population aux solutions des entreprises de la région pour les faire se connaître, en priorité en santé et en environnement.',
    'Fabrice', 33, 17, 9],
  ['plateforme-participation', 'societe', 'Un outil de participation pour générer des consensus',
    'Structurer les débats autour d’un outil qui permette la participation et la collaboration, pour faire émerger de nouvelles idées et générer des consensus.',
    'Jean-François', 3, 0, 0],
  ['briser-silos', 'societe', 'Briser les silos entre les initiatives du numérique',
    'Les groupes bénévoles du numérique et de la culture gagneraient à conjuguer leurs forces plutôt qu’à travailler en vase clos.',
    'Caroline', 24, 9, 3],
];

/** [proposal, side, body, author, likes] */
const args: [string, 'for' | 'against', string, string, number][] = [
  ['champions-regionaux', 'for', 'Une locomotive entraîne tout un écosystème : mieux vaut concentrer les moyens que les disperser.', 'Sylvain', 12],
  ['champions-regionaux', 'against', 'Choisir un seul champion par région, c’est laisser tomber toutes les autres entreprises.', 'Mario', 18],
  ['systemes-information', 'for', 'Les systèmes actuels coûtent plus cher à entretenir qu’à remplacer.', 'Hervé', 7],
  ['systemes-information', 'against', 'Faire table rase, c’est risquer des années de pannes : mieux vaut moderniser par étapes.', 'Michel', 9],
  ['donnees-ouvertes', 'for', 'Les données publiques ont été payées par le public : elles doivent lui revenir.', 'Cyrille', 21],
];

/** Loads the demo polls; true when anything was added. */
export async function loadPollDemo(tx: Queryable, now = Date.now()): Promise<boolean> {
  const quick = await insertPoll(tx, { ...ministere, closesAt: new Date(now + 60 * DAY).toISOString() });
  if (quick) {
    const counts = { oui: 214, non: 61, 'sans-opinion': 37 };
    let n = 0;
    const rows = Object.entries(counts).flatMap(([value, count]) => Array.from({ length: count }, () => ({ subject: '', value, participant: `demo-q${++n}` })));
    await seedVotes(tx, ministere.id, rows);
  }
  const consultation = await insertPoll(tx, { ...contribuez, closesAt: new Date(now + 45 * DAY).toISOString() });
  if (consultation) {
    const rows: { subject: string; value: string; participant: string }[] = [];
    for (const [i, [id, theme, title, body, author, agree, mixed, disagree]] of proposals.entries()) {
      await insertProposal(tx, contribuez.id, id, { themeId: theme, title, body, authorName: author }, 'published', null);
      await setProposalCreated(tx, contribuez.id, id, new Date(now - (12 - i) * DAY + i * 3_600_000).toISOString());
      // Participants overlap between proposals, as on a real consultation: 180 people in all.
      let k = i * 17;
      for (const [value, count] of [['agree', agree], ['mixed', mixed], ['disagree', disagree]] as const) {
        for (let j = 0; j < count; j++) rows.push({ subject: id, value, participant: `demo-c${(k++ % 180) + 1}` });
      }
    }
    await seedVotes(tx, contribuez.id, rows);
    for (const [i, [proposalId, side, body, author, likes]] of args.entries()) {
      await insertDemoArgument(tx, contribuez.id, `demo-a${i + 1}`, { proposalId, side, body, authorName: author }, likes);
    }
  }
  return quick || consultation;
}
