/**
 * Demo content: the comment thread of the demo blog post (examples/blog/), in French, as such a
 * post gathers them: a reader offering to join, an invitation from another volunteer group and its
 * replies (deep enough to show flattening), a question and its answer, thanks, a pinned update
 * from the author, and pings from blogs that cited the post. Loading it again changes nothing.
 */
import type { Queryable } from '../db/db.js';
import { insertDemoComment, moveDemoPage, setThreadCreated, type Placed } from './sql/imports.js';
import { insertVerifiedMention } from './sql/mentions.js';
import { insertThread } from './sql/threads.js';

export const DEMO_THREAD = 'groupe-plan-numerique';

const HOUR = 3_600_000;

/** [key, parent key, name, website, body, hours ago, likes, pinned, held for moderation] */
type Seed = [string, string | null, string, string | null, string, number, number, boolean?, boolean?];

const comments: Seed[] = [
  [
    'maj',
    null,
    'Geneviève Lavoie',
    null,
    'Mise à jour : le premier **document de réflexion** est en ligne. Vos commentaires sont les bienvenus ici comme sur la plateforme collaborative, dès son ouverture.\n\nMerci à toutes les personnes qui nous ont écrit !',
    20,
    14,
    true,
  ],
  [
    'andre',
    null,
    'André Boisvert',
    'https://reseau-branche.example',
    'Nous désirons participer au collectif. Nous suivrons vos activités et solliciterons nos propres réseaux. N’hésitez pas à nous contacter directement.\n\nAndré Boisvert, directeur général, Réseau branché',
    70,
    6,
  ],
  [
    'caroline',
    null,
    'Caroline Dubé',
    'https://musique-numerique.example',
    'Bonjour Geneviève,\n\nJe suis ravie de voir que des actions fortes sont en cours pour un plan numérique. Je t’ai invitée plusieurs fois à nos rencontres *Musique et numérique*, le dernier jeudi de chaque mois, mais nous n’avons pas encore eu la chance de t’y voir.\n\nNos actions portent sur un virage numérique culturel, et nous avons rédigé un document que plusieurs ont déjà signé : [notre document](https://musique-numerique.example/virage). J’aimerais que tu en prennes connaissance et que tu nous dises ce qui ne correspond pas à ton point de vue, si c’est le cas.\n\nNous sommes aussi une équipe bénévole : je suis sûre que nous pourrions collaborer. J’espère que ce message ne restera pas sans réponse !',
    64,
    9,
  ],
  [
    'julien',
    'caroline',
    'Julien Pelletier',
    null,
    'Merci Caroline d’inviter Geneviève à se joindre à notre démarche, elle aussi bénévole et apolitique.\n\nIl faut briser les silos et cesser de travailler en vase clos : conjuguer nos forces, c’est la clé de solutions durables, en culture numérique comme ailleurs.',
    60,
    4,
  ],
  [
    'genevieve-caroline',
    'julien',
    'Geneviève Lavoie',
    null,
    'Caroline, Julien : merci pour l’invitation, et pardon pour le silence. Je serai à votre rencontre de jeudi prochain, et je lirai votre document d’ici là.',
    52,
    5,
  ],
  [
    'caroline-merci',
    'genevieve-caroline',
    'Caroline Dubé',
    'https://musique-numerique.example',
    'Génial ! On te garde une place. Le hangout commence à 19 h.',
    50,
    2,
  ],
  ['julien-lien', 'caroline-merci', 'Julien Pelletier', null, 'Je mettrai le lien du hangout ici la veille, pour les personnes qui ne peuvent pas se déplacer.', 49, 1],
  [
    'marie-eve',
    null,
    'Marie-Ève',
    null,
    'Bonjour,\n\nEst-ce qu’un groupe Facebook a été créé pour ce groupe de travail ? J’aimerais bien en être membre !\n\nMerci et bravo pour cette initiative !',
    40,
    3,
  ],
  [
    'reponse-marie-eve',
    'marie-eve',
    'Geneviève Lavoie',
    null,
    'Pas encore, Marie-Ève : nous préférons une plateforme ouverte, que chacun peut consulter sans compte. Elle ouvre dans quelques jours, et on l’annoncera ici.',
    38,
    4,
  ],
  ['rejean', null, 'Réjean', null, 'Merci pour cette lettre. Je vais donner le lien à mes étudiants en informatique : c’est exactement le genre de démarche qu’ils devraient suivre.', 12, 2],
  [
    'sylvie',
    null,
    'Sylvie Gagnon',
    null,
    'Bravo ! Une question pratique : est-ce que la consultation sera aussi ouverte aux gens des régions qui ne peuvent pas venir à Montréal ou à Québec ?\n\n> une démarche de consultation ouverte et transparente à laquelle chacun peut contribuer\n\nSi oui, je m’inscris.',
    3,
    0,
  ],
  // Held for moderation: what the console's queue shows a moderator.
  ['held-question', 'sylvie', 'Luc Tremblay', null, 'Moi aussi, je viens de Rimouski : est-ce qu’il y aura une rencontre en ligne ?', 1, 0, false, true],
  ['held-spam', null, 'Promo Rapide', 'https://promo-rapide.example', 'Gagnez de l’argent vite ! Cliquez ici pour des offres exclusives.', 0.5, 0, false, true],
];

/** [kind, source URL, title, site, hours ago] */
const mentions: ['pingback' | 'webmention', string, string, string, number][] = [
  ['pingback', 'https://tout-de-go.example/2012/11/groupe-de-travail-plan-numerique/', 'À propos d’un groupe de travail bénévole pour un Plan numérique pour le Québec', 'tout-de-go.example', 68],
  ['webmention', 'https://egouv-quebec.example/plan-numerique-campagne/', 'Le plan numérique et le gouvernement ouvert s’invitent dans la campagne', 'egouv-quebec.example', 30],
  ['pingback', 'https://carnet-marie-claude.example/election-2-0/', 'La campagne et le mirage de « l’élection 2.0 »', 'carnet-marie-claude.example', 8],
];

/** The origin of the demo when the server's is unknown (its default port). */
export const DEMO_ORIGIN = 'http://localhost:8787';

/**
 * Loads the demo thread, its page being the demo blog under `origin` (the server's public origin,
 * e.g. `http://localhost:9000`); true when it was added. Loaded before, under another origin (the
 * server now runs on another port, or behind PUBLIC_URL), its page and its mentions' target move
 * there; without `origin`, they stay where they are.
 */
export async function loadCommentDemo(tx: Queryable, now = Date.now(), origin?: string): Promise<boolean> {
  const page = `${(origin ?? DEMO_ORIGIN).replace(/\/+$/, '')}/blog/`;
  const created = await insertThread(tx, {
    id: DEMO_THREAD,
    url: page,
    title: 'Un groupe de travail bénévole pour un plan numérique pour le Québec',
    moderation: 'post',
    locale: 'fr',
  });
  if (!created) {
    if (origin) await moveDemoPage(tx, DEMO_THREAD, page);
    return false;
  }
  await setThreadCreated(tx, DEMO_THREAD, new Date(now - 80 * HOUR).toISOString());
  const ids = new Map<string, Placed>();
  for (const [key, parentKey, name, website, body, hoursAgo, likes, pinned, held] of comments) {
    const at = new Date(now - hoursAgo * HOUR).toISOString();
    ids.set(key, await insertDemoComment(tx, { threadId: DEMO_THREAD, parent: parentKey ? ids.get(parentKey) : undefined, name, website, body, likes, pinned: pinned ?? false, at, held }));
  }
  for (const [kind, source, title, site, hoursAgo] of mentions) {
    const at = new Date(now - hoursAgo * HOUR).toISOString();
    await insertVerifiedMention(tx, { threadId: DEMO_THREAD, kind, source, title, site, at });
  }
  return true;
}
