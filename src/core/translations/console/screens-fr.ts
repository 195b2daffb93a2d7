/** The console's screens' strings in French (see ./en.ts); ./fr.ts's `console` table takes them in. */
import { savedAs } from './forms-fr.js';
import type { ConsoleStrings } from '../en.js';

export const dashboard: ConsoleStrings['dashboard'] = {
  nav: 'Tableau de bord', title: 'Tableau de bord',
  freshness: (live, seconds) => `Les compteurs sont redemandés toutes les ${seconds} secondes ; les ${live} éléments ouverts modifiés en dernier se mettent à jour en direct.`,
  live: 'en direct', moderationTitle: 'En attente de modération', nothingWaits: 'Rien n’attend de modération.',
  commentsWaiting: (held, flagged) => `Commentaires : ${held} retenus, ${flagged} signalés.`,
  toQueue: 'Ouvrir la file de modération',
  pollWaiting: (n, title) => `${n} propositions ou arguments attendent dans « ${title} ».`,
  open: 'Ouvrir', openItem: (title) => `Ouvrir « ${title} »`,
  signers: 'Signataires', signersOf: (title) => `Signataires de « ${title} »`, threads: 'Fils de commentaires', thread: 'Fil', comments: 'Commentaires', waiting: 'En attente',
  heldFlagged: (held, flagged) => `${held} retenus, ${flagged} signalés`,
  noThreads: 'Aucun fil de commentaires pour l’instant.', polls: 'Sondages et consultations', poll: 'Sondage', participants: 'Participants',
  upcoming: 'à venir', noPolls: 'Aucun sondage pour l’instant.', comparisons: 'Comparateurs', comparison: 'Comparateur', answers: 'Réponses recueillies',
  notCollected: 'non recueillies', noComparisons: 'Aucun comparateur pour l’instant.',
};

export const signers: ConsoleStrings['signers'] = {
  title: (title) => `Signataires de « ${title} »`,
  count: (count, goal) => `${count} signatures confirmées sur ${goal}`,
  csv: 'Télécharger toutes les signatures (CSV)',
  search: 'Le nom ou le courriel contient', state: 'Confirmation', all: 'Toutes', confirmed: 'confirmée', unconfirmed: 'en attente de confirmation',
  find: 'Chercher', signedAt: 'Signée le',
  results: (n, f, page) => `${f} signataire${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}, page ${page}`,
  none: 'Aucun signataire ne correspond.', pages: 'Pages de signataires', previous: 'Page précédente', next: 'Page suivante',
  erase: 'Effacer', keep: 'Garder', eraseOf: (name) => `Effacer la signature de ${name}`,
  confirmErase: (name) => `Effacer définitivement la signature de ${name} ?`,
  erased: (name) => `Signature de ${name} effacée.`,
};

export const threads: ConsoleStrings['threads'] = {
  nav: 'Fils', new: 'Nouveau fil', editTitle: (title) => `Modifier le fil « ${title} »`,
  title: 'Titre', url: 'Adresse de la page', urlHint: 'La page où sont les commentaires, par exemple https://blogue.example/billet (les webmentions vers elle arrivent ici)',
  moderation: 'Modération',
  modes: { post: 'Publiés aussitôt, modérés ensuite', pre: 'Chaque commentaire retenu pour approbation', 'first-time': 'Le premier commentaire d’un nouvel auteur retenu' },
  maxDepth: 'Profondeur des réponses', maxDepthHint: 'De 0 (aucune réponse imbriquée) à 10',
  editWindow: 'Délai de modification (minutes)', editWindowHint: 'Combien de temps les auteurs peuvent modifier ou supprimer leur commentaire, de 0 (jamais) à 1440',
  badUrl: 'Entrez une adresse web commençant par https:// ou http://',
  range: (min, max) => `Entrez un nombre entier de ${min} à ${max}`,
  ...savedAs('Fil'),
  close: 'Fermer', reopen: 'Ouvrir',
  closedSaid: (title) => `Fil « ${title} » fermé : plus de nouveaux commentaires.`, openedSaid: (title) => `Fil « ${title} » ouvert aux commentaires.`,
  publishIntro: 'Collez ce HTML là où les commentaires doivent paraître sur votre site (sous un billet, sur une page).',
};

export const audit: ConsoleStrings['audit'] = {
  nav: 'Journal', title: 'Journal d’audit', filters: 'Filtrer le journal',
  actor: 'Qui', anyone: 'Tout le monde', action: 'Action (par exemple updatePetition)', itemType: 'Type d’élément', anyType: 'Tous les types',
  itemId: 'Élément (son identifiant)', from: 'Du (jour)', to: 'Au (jour, inclus)', apply: 'Filtrer',
  csv: 'Télécharger ces entrées (CSV)', when: 'Quand', item: 'Élément', change: 'Modification',
  actors: { token: 'le jeton d’API', cli: 'la ligne de commande', system: 'le serveur' },
  removedAccount: (id) => `compte retiré n° ${id}`,
  types: {
    petition: 'pétition', signature: 'signature', thread: 'fil', comment: 'commentaire', block: 'blocage', poll: 'sondage', proposal: 'proposition',
    argument: 'argument', comparison: 'comparateur', account: 'compte', session: 'session', passkey: 'clé d’accès',
  },
  results: (n, f, page) => `${f} entrée${n > 1 ? 's' : ''}, page ${page}`,
  none: 'Aucune entrée ne correspond.', pages: 'Pages du journal',
};
