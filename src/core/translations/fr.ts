/** Chaînes françaises : même forme que en.ts (les types l'imposent). */
import type { CoreStrings, PetitionStrings } from './en.js';

const s = (n: number) => (Math.abs(n) < 2 ? '' : 's');

export const core: CoreStrings = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  optional: 'facultatif',
  required: 'Obligatoire',
  invalid: 'Vérifiez ce champ',
  invalidEmail: 'Entrez une adresse courriel comme nom@exemple.org',
  tooLong: (max) => `${max} caractères au maximum`,
  left: (n, f) => (n < 0 ? `${f.replace('-', '')} caractère${s(n)} en trop` : `${f} caractère${s(n)} restant${s(n)}`),
  fix: (n) => (n === 1 ? 'Un champ est à corriger.' : `${n} champs sont à corriger.`),
  honeypot: 'Laissez ce champ vide',
  errors: {
    validation: 'Certains champs sont à corriger.',
    'not-found': 'Cet élément est introuvable.',
    closed: 'C’est clos : les contributions ne sont plus acceptées.',
    'rate-limited': 'Trop de tentatives. Patientez un instant, puis réessayez.',
    network: 'Le réseau est injoignable. Vérifiez votre connexion et réessayez.',
    timeout: 'Le serveur tarde à répondre. Réessayez dans un moment.',
    server: 'Le serveur a rencontré un problème. Réessayez dans un moment.',
    unsupported: 'Ce widget n’a pas de serveur : donnez-lui un attribut api ou placez-le dans un <civic-provider>.',
  },
};

export const petition: PetitionStrings = {
  signatures: (n) => `signature${s(n)}`,
  goal: (f) => `Objectif : ${f}`,
  goalReached: (old, next) => `Objectif de ${old} atteint ! Prochain objectif : ${next}`,
  closesOn: (d) => `Ouverte jusqu’au ${d}`,
  closedOn: (d) => `Close depuis le ${d}`,
  closed: 'Cette pétition est close et n’accepte plus de signatures.',
  sign: 'Signer cette pétition',
  name: 'Nom complet',
  email: 'Courriel',
  emailHint: 'Sert à confirmer votre signature ; jamais affiché.',
  postalCode: 'Code postal',
  city: 'Ville',
  comment: 'Pourquoi je signe',
  showName: 'Afficher mon prénom, mon initiale et ma ville parmi les signataires',
  acceptUpdates: 'Recevoir par courriel les nouvelles de cette pétition de la part de ses organisateurs',
  submit: 'Signer',
  sending: 'Signature en cours…',
  privacy: 'Vous pourrez retirer votre signature à tout moment grâce au lien du courriel que vous recevrez.',
  thanks: 'Merci d’avoir signé !',
  counted: 'Votre signature est comptée.',
  checkEmail: 'Presque fini : ouvrez le courriel que nous venons de vous envoyer et suivez son lien pour confirmer. Votre signature comptera une fois confirmée.',
  alreadySigned: 'Cette adresse courriel a déjà signé cette pétition.',
  queued: 'Vous semblez hors ligne. Votre signature est gardée sur cet appareil et sera envoyée dès le retour du réseau.',
  sent: 'Votre signature gardée a été envoyée.',
  share: 'Partager cette pétition',
  copy: 'Copier le lien',
  copied: 'Lien copié',
  recent: 'Dernières signatures',
};
