/** What every console form says once its item is created or saved (English): `Poll “Budget 2027” created.` */
export const savedAs = (what: string) => ({
  created: (title: string) => `${what} “${title}” created.`,
  saved: (title: string) => `${what} “${title}” saved.`,
});
