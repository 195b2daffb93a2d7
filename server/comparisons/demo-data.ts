/**
 * The demo comparison: the five leaders of the 2012 Québec general election on the digital issues
 * that Michelle Blanc put to them in her campaign interviews (her summary, "Bilan de mes rencontres
 * avec les chefs des partis et leur vision du numérique", and the first interviews before it). The
 * quotes are short paraphrases of her summary, not the leaders' words; "no answer" (null) where she
 * reports no position (Amir Khadir: the reflection must first come from his party's members) or where
 * the interview did not touch the issue. The summary carries no date of its own: it was written in
 * the last week of the campaign (the vote was on 4 September 2012), hence 2012-08-31.
 * Pure data: the server's demo, the browser tests and the stories share it.
 */
import type { ComparisonCreate } from '../../src/api/admin.js';

const sourceUrl = 'https://www.michelleblanc.com/';
const sourceDate = '2012-08-31';

type Row = [stance: number | null, quote: string | null];
const leaders = ['marois', 'charest', 'legault', 'khadir', 'aussant'] as const;
const noPosition = 'Pas de position : il n’en a pas discuté avec ses membres, la réflexion doit d’abord venir de la base de Québec solidaire.';

/** statement → one [stance, quote] per leader, in the order of `leaders`. */
const positions: Record<string, Row[]> = {
  'ministere-numerique': [
    [-2, 'Il n’y aura pas de ministère du numérique : le ministre du Développement économique aura le mandat de développer le numérique.'],
    [0, 'Le gouvernement manque d’expertise en TI ; créer un ministère spécifique est une chose qu’ils vont probablement regarder.'],
    [1, 'Avoir un ministère du numérique ? Il pense que c’est une bonne idée.'],
    [null, noPosition],
    [2, 'Un ministère du numérique est une excellente idée.'],
  ],
  'logiciel-libre': [
    [0, 'Respectera les engagements de l’ancien gouvernement, dont le 1,2 milliard pour les licences Microsoft, que le Conseil du trésor regardera attentivement.'],
    [1, 'Veut revoir les appels d’offres pour inclure de plus petites entreprises et développer des expertises en open source.'],
    [1, 'Ouvert aux solutions open source pour le renouvellement des licences Microsoft ; il va regarder sérieusement la question.'],
    [2, 'Québec solidaire a signé le Pacte du logiciel libre.'],
    [2, 'Il est pro open source.'],
  ],
  'donnees-ouvertes': [
    [null, null],
    [1, 'Veut des tableaux de bord qui rendent la gestion des projets gouvernementaux plus limpide pour les citoyens.'],
    [2, 'Pour l’open data comme mécanisme de transparence gouvernementale.'],
    [null, noPosition],
    [null, null],
  ],
  'haute-vitesse-regions': [
    [null, null],
    [null, null],
    [null, null],
    [null, noPosition],
    [2, 'Veut brancher le Québec, et les régions en particulier, sur une vraie haute vitesse, comme en Europe.'],
  ],
  'contrats-informatiques': [
    [1, 'Le ministre du Conseil du trésor aura le mandat de regarder attentivement le contrat de 1,2 milliard.'],
    [null, null],
    [1, 'Va regarder sérieusement la question, y compris l’octroi de certains contrats douteux aux « petits amis ».'],
    [null, noPosition],
    [2, 'Veut que la commission Charbonneau se penche sur les contrats informatiques douteux du gouvernement.'],
  ],
  'rapport-gautrin': [
    [1, 'Son ministre du Développement économique développera le numérique en prenant comme base le rapport Gautrin.'],
    [1, 'Veut implanter progressivement le deuxième rapport Gautrin, tout en notant que c’est un changement de culture majeur.'],
    [null, null],
    [null, noPosition],
    [null, null],
  ],
};

export const quebec2012: ComparisonCreate = {
  id: 'chefs-numerique-2012',
  title: 'Les chefs et le numérique : élections québécoises de 2012',
  locale: 'fr',
  description:
    'Où se situaient les cinq chefs sur les enjeux numériques pendant la campagne de 2012, d’après les entrevues de Michelle Blanc. ' +
    'Les citations sont des paraphrases de son bilan.',
  scale: 5,
  method: 'wahl-o-mat',
  allowMethodChoice: true,
  missingAnswer: 'zero',
  collectAnswers: true,
  statements: [
    { id: 'ministere-numerique', theme: 'Gouvernance', text: 'Le Québec devrait créer un ministère consacré au numérique.', explanation: null },
    {
      id: 'logiciel-libre',
      theme: 'Logiciel libre',
      text: 'L’État québécois devrait faire une place au logiciel libre dans ses systèmes informatiques.',
      explanation: 'Le renouvellement des licences Microsoft du gouvernement était alors évalué à 1,2 milliard de dollars.',
    },
    { id: 'donnees-ouvertes', theme: 'Gouvernement ouvert', text: 'Le gouvernement devrait ouvrir ses données pour être plus transparent.', explanation: null },
    {
      id: 'haute-vitesse-regions',
      theme: 'Accès à Internet',
      text: 'Toutes les régions du Québec devraient être branchées sur un Internet véritablement haute vitesse.',
      explanation: null,
    },
    {
      id: 'contrats-informatiques',
      theme: 'Contrats publics',
      text: 'Les contrats informatiques douteux du gouvernement devraient faire l’objet d’un examen indépendant.',
      explanation: 'La commission Charbonneau enquêtait alors sur l’octroi des contrats publics.',
    },
    {
      id: 'rapport-gautrin',
      theme: 'Gouvernement ouvert',
      text: 'Le rapport Gautrin sur le gouvernement 2.0 devrait guider l’action numérique de l’État.',
      explanation: null,
    },
  ],
  parties: [
    { id: 'marois', name: 'Pauline Marois (Parti québécois)', shortName: 'Marois', colour: '#2f6fd0', logoUrl: null },
    { id: 'charest', name: 'Jean Charest (Parti libéral du Québec)', shortName: 'Charest', colour: '#d71920', logoUrl: null },
    { id: 'legault', name: 'François Legault (Coalition avenir Québec)', shortName: 'Legault', colour: '#0089a8', logoUrl: null },
    { id: 'khadir', name: 'Amir Khadir (Québec solidaire)', shortName: 'Khadir', colour: '#e0600f', logoUrl: null },
    { id: 'aussant', name: 'Jean-Martin Aussant (Option nationale)', shortName: 'Aussant', colour: '#8e44ad', logoUrl: null },
  ],
  positions: Object.entries(positions).flatMap(([statementId, rows]) =>
    rows.map(([stance, quote], i) => ({
      partyId: leaders[i]!,
      statementId,
      stance,
      quote,
      sourceUrl: quote ? sourceUrl : null,
      sourceDate: quote ? sourceDate : null,
    })),
  ),
};
