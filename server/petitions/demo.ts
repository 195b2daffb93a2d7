/**
 * Demo content: an open petition with confirmed signatures, so that the thermometer and the recent
 * signers show something, and a closed one. Loading it again changes nothing.
 */
import type { PetitionCreate } from '../../src/api/admin.js';
import type { Queryable } from '../db/db.js';
import { newToken, sha256 } from '../secrets.js';
import { closedSince, insertConfirmedSigner, insertPetition, recount } from './sql.js';

const DAY = 86_400_000;

const planNumerique: PetitionCreate = {
  id: 'plan-numerique',
  title: 'Pour un plan numérique pour le Québec',
  summary:
    'Le numérique transforme notre économie, nos services publics et notre vie démocratique, mais le Québec n’a toujours pas de vision d’ensemble. ' +
    'Pendant la dernière campagne électorale, le numérique et le gouvernement ouvert ont été presque absents des débats, alors que les technologies ' +
    'de l’information font vivre des milliers d’entreprises d’ici et rapportent davantage à notre économie que le tourisme.\n\n' +
    'Nous, citoyennes et citoyens réunis dans un groupe bénévole et non partisan, demandons au gouvernement du Québec d’élaborer, avec la société ' +
    'civile et les entrepreneurs, un véritable plan numérique pour le Québec : des données ouvertes, une place au logiciel libre dans l’État, ' +
    'l’Internet haute vitesse partout sur le territoire et une démarche de consultation ouverte et transparente à laquelle chacun peut contribuer.',
  url: null,
  goal: 500,
  doubleOptIn: true,
  locale: 'fr',
};

const accesRegions: PetitionCreate = {
  id: 'acces-internet-regions',
  title: 'Internet haute vitesse dans toutes les régions du Québec',
  summary:
    'Trop de familles, d’écoles et d’entreprises en région se contentent encore d’une connexion lente ou n’en ont pas du tout. ' +
    'Nous demandons au gouvernement de brancher l’ensemble du Québec sur un Internet véritablement haute vitesse, comparable à ce qu’offrent les pays européens.\n\n' +
    'Cette pétition est maintenant close. Merci aux personnes qui l’ont signée.',
  url: null,
  goal: 300,
  doubleOptIn: true,
  locale: 'fr',
};

/** [name, city, shows their name] */
const signers: [string, string, boolean][] = [
  ['Marie Tremblay', 'Québec', true],
  ['Jean Gagnon', 'Montréal', true],
  ['Sophie Roy', 'Sherbrooke', false],
  ['Luc Côté', 'Trois-Rivières', true],
  ['Geneviève Bouchard', 'Saguenay', true],
  ['Mathieu Gauthier', 'Gatineau', false],
  ['Isabelle Morin', 'Rimouski', true],
  ['François Lavoie', 'Lévis', true],
  ['Nathalie Fortin', 'Laval', false],
  ['Étienne Gagné', 'Longueuil', true],
  ['Chantal Ouellet', 'Rouyn-Noranda', true],
  ['Simon Pelletier', 'Drummondville', false],
  ['Julie Bélanger', 'Granby', true],
  ['Alexandre Lévesque', 'Saint-Jérôme', true],
  ['Catherine Bergeron', 'Victoriaville', false],
  ['Olivier Leblanc', 'Gaspé', true],
  ['Mélanie Paquette', 'Joliette', true],
  ['Maxime Girard', 'Baie-Comeau', false],
  ['Annie Simard', 'Alma', true],
  ['Guillaume Boucher', 'Val-d’Or', true],
  ['Émilie Caron', 'Sept-Îles', true],
];

async function addSigners(tx: Queryable, petitionId: string, list: typeof signers, newest: number): Promise<number> {
  let added = 0;
  for (const [i, [name, city, showName]] of list.entries()) {
    const at = new Date(newest - i * 0.3 * DAY - (i % 3) * 3_600_000).toISOString();
    const signer = { name, email: `demo-${petitionId}-${i + 1}@example.invalid`, city, showName, at, withdrawHash: sha256(newToken()) };
    if (await insertConfirmedSigner(tx, petitionId, signer)) added++;
  }
  if (added) await recount(tx, petitionId);
  return added;
}

/** Loads the demo petitions; true when anything was added. */
export async function loadPetitionDemo(tx: Queryable, now = Date.now()): Promise<boolean> {
  const a = await insertPetition(tx, { ...planNumerique, closesAt: new Date(now + 91 * DAY).toISOString() });
  const b = await insertPetition(tx, { ...accesRegions, closesAt: new Date(now - 30 * DAY).toISOString() });
  if (b) await closedSince(tx, accesRegions.id, new Date(now - 120 * DAY).toISOString(), new Date(now - 30 * DAY).toISOString());
  const added = (await addSigners(tx, planNumerique.id, signers, now - 2 * 3_600_000)) + (await addSigners(tx, accesRegions.id, signers.slice(3, 15), now - 31 * DAY));
  return a || b || added > 0;
}
