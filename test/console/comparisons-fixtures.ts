/** The comparisons screens' test data: three of the 2012 Québec leaders on four digital statements (from the seeds). */
import type { ComparisonCreate } from '../../src/api/admin.js';


const src = 'https://www.michelleblanc.com/';
/** A 5-point comparison of 3 leaders × 4 statements, every colour passing AA against white and black. */
export const leaders: ComparisonCreate = {
  id: 'chefs-2012',
  title: 'Les chefs et le numérique',
  description: 'D’après les entrevues de Michelle Blanc.',
  locale: 'fr',
  scale: 5,
  method: 'wahl-o-mat',
  allowMethodChoice: false,
  missingAnswer: 'zero',
  collectAnswers: true,
  statements: [
    { id: 's1', text: 'Créer un ministère du numérique.', theme: 'Gouvernance', explanation: null },
    { id: 's2', text: 'Faire une place au logiciel libre.', theme: 'Logiciel libre', explanation: null },
    { id: 's3', text: 'Ouvrir les données publiques.', theme: 'Gouvernement ouvert', explanation: null },
    { id: 's4', text: 'Brancher les régions en haute vitesse.', theme: 'Accès', explanation: null },
  ],
  parties: [
    { id: 'p1', name: 'Pauline Marois (PQ)', shortName: 'Marois', colour: '#2f6fd0', logoUrl: null },
    { id: 'p2', name: 'Jean Charest (PLQ)', shortName: 'Charest', colour: '#d71920', logoUrl: null },
    { id: 'p3', name: 'François Legault (CAQ)', shortName: 'Legault', colour: '#00897b', logoUrl: null },
  ],
  positions: [
    { partyId: 'p1', statementId: 's1', stance: -2, quote: 'Il n’y aura pas de ministère du numérique.', sourceUrl: src, sourceDate: '2012-08-31' },
    { partyId: 'p2', statementId: 's1', stance: 0, quote: null, sourceUrl: null, sourceDate: null },
    { partyId: 'p3', statementId: 's1', stance: 1, quote: null, sourceUrl: null, sourceDate: null },
    { partyId: 'p2', statementId: 's2', stance: 1, quote: null, sourceUrl: null, sourceDate: null },
    { partyId: 'p3', statementId: 's2', stance: 1, quote: null, sourceUrl: null, sourceDate: null },
    { partyId: 'p2', statementId: 's3', stance: 1, quote: null, sourceUrl: null, sourceDate: null },
    { partyId: 'p3', statementId: 's3', stance: 2, quote: null, sourceUrl: null, sourceDate: null },
  ],
};
