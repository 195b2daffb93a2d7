/** Comment threads for the browser tests, the stories and the benchmark. */
import type { Comment, Mention, Thread } from '../../src/api/comments.js';
import { MemoryBackend } from '../../src/api/memory-backend.js';

const now = Date.now();
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

export function threadData(over: Partial<Thread> = {}): Thread {
  return {
    id: 'plan-numerique',
    url: 'https://carnet.example/plan-numerique',
    title: 'Un groupe de travail bénévole pour un plan numérique pour le Québec',
    status: 'open',
    moderation: 'post',
    commentCount: 0,
    mentionCount: 0,
    maxDepth: 3,
    editWindowSeconds: 900,
    challenge: false,
    createdAt: ago(60 * 24 * 3),
    ...over,
  };
}

export function commentData(id: string, over: Partial<Comment> = {}): Comment {
  return {
    id,
    threadId: 'plan-numerique',
    parentId: null,
    depth: 0,
    replyToName: null,
    author: { name: `Personne ${id}`, website: null },
    body: `Commentaire ${id}`,
    status: 'published',
    likeCount: 0,
    pinned: false,
    createdAt: ago(1000 - Number(id)),
    editedAt: null,
    ...over,
  };
}

/** A conversation in the spirit of the blog's: offers to help, an invitation, a question, replies. */
export const conversation: Comment[] = [
  commentData('1', {
    author: { name: 'Marie-Ève Tremblay', website: null },
    body: 'Bravo pour l’initiative ! Je travaille en accessibilité Web à Rimouski et je serais heureuse de **me joindre au groupe**. Comment fait-on ?',
    likeCount: 4,
    createdAt: ago(2880),
  }),
  commentData('2', {
    parentId: '1',
    depth: 1,
    author: { name: 'Michel Leblanc', website: 'https://carnet.example' },
    body: 'Merci Marie-Ève ! Écris-nous à [groupe@plannumerique.example](mailto:groupe@plannumerique.example), la prochaine rencontre est le 3 décembre.',
    likeCount: 2,
    createdAt: ago(2800),
  }),
  commentData('3', {
    parentId: '2',
    depth: 2,
    author: { name: 'Marie-Ève Tremblay', website: null },
    body: 'C’est noté, merci !',
    createdAt: ago(2700),
  }),
  commentData('4', {
    author: { name: 'Québec ouvert', website: 'https://quebecouvert.example' },
    body: 'Nous vous invitons à présenter votre démarche à notre prochain *hackathon citoyen*, le 14 janvier :\n\n- 9 h : accueil\n- 10 h : présentations\n\n> Les données ouvertes sont un bien commun.',
    likeCount: 7,
    createdAt: ago(2000),
  }),
  commentData('5', {
    author: { name: 'Patrick Gagnon', website: null },
    body: 'Question : le document de réflexion sera-t-il publié sous une licence libre (`CC BY 4.0`, par exemple) ?',
    likeCount: 1,
    createdAt: ago(600),
  }),
  commentData('6', {
    parentId: '5',
    depth: 1,
    author: { name: 'Michel Leblanc', website: 'https://carnet.example' },
    body: 'Oui, c’est l’intention du groupe.',
    createdAt: ago(500),
  }),
];

export const mentions: Mention[] = [
  {
    id: 'm1',
    threadId: 'plan-numerique',
    kind: 'pingback',
    sourceUrl: 'https://veille.example/2026/11/plan-numerique',
    title: 'Un plan numérique pour le Québec : enfin un groupe de travail',
    site: 'veille.example',
    publishedAt: ago(1500),
  },
  {
    id: 'm2',
    threadId: 'plan-numerique',
    kind: 'webmention',
    sourceUrl: 'https://gouvouvert.example/billets/societe-civile',
    title: 'La société civile s’organise',
    site: 'gouvouvert.example',
    publishedAt: ago(300),
  },
];

/** A MemoryBackend holding the conversation (or `comments`) on a thread with `over`. */
export function seeded(over: Partial<Thread> = {}, comments = conversation, withMentions: Mention[] = []): MemoryBackend {
  const backend = new MemoryBackend();
  backend.comments.seed({ threads: [threadData(over)], comments, mentions: withMentions });
  return backend;
}

/**
 * A long thread: `n` comments, a quarter top-level, each with a chain of replies three deep, with
 * markdown bodies of a few lines (the shape of a busy blog post's comments).
 */
export function bigThread(n = 2000): Comment[] {
  const out: Comment[] = [];
  const body = (i: number) =>
    `Commentaire **${i}** : un avis de quelques lignes sur le plan numérique, avec un [lien](https://example.org/${i}) et du \`code\`.\n\nDeuxième paragraphe, pour la forme.`;
  for (let i = 1; out.length < n; i++) {
    const top = commentData(String(out.length + 1), { body: body(i), createdAt: new Date(now - (n - out.length) * 60_000).toISOString(), likeCount: i % 7 });
    out.push(top);
    let parent = top;
    for (let d = 1; d <= 3 && out.length < n; d++) {
      const reply = commentData(String(out.length + 1), { parentId: parent.id, depth: d, body: body(i * 10 + d), createdAt: new Date(Date.parse(top.createdAt) + d * 1000).toISOString() });
      out.push(reply);
      parent = reply;
    }
  }
  return out;
}
