/** Ce que dit chaque formulaire de la console une fois son élément créé ou enregistré : `Sondage « Budget 2027 » créé.` (`e` : l’accord au féminin). */
export const savedAs = (what: string, e = '') => ({
  created: (title: string) => `${what} « ${title} » créé${e}.`,
  saved: (title: string) => `${what} « ${title} » enregistré${e}.`,
});
