// The custom-elements manifest (dist/custom-elements.json), read by Storybook's docs and by editors.

/**
 * Only what a page can use: the analyser lists every reactive property of `static properties` as an
 * attribute, internal state (`state: true`, private, protected or `@internal`) included. Those have
 * no attribute at run time, and would show in Storybook's controls and editors' completions.
 */
const publicOnly = () => ({
  name: 'civic-public-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const d of mod.declarations ?? []) {
        if (!d.members) continue;
        d.members = d.members.filter((m) => !m.privacy || m.privacy === 'public');
        const fields = new Set(d.members.map((m) => m.name));
        if (d.attributes) d.attributes = d.attributes.filter((a) => !a.fieldName || fields.has(a.fieldName));
      }
    }
  },
});

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/api/**', 'src/define/**', 'src/index.ts'],
  litelement: true,
  outdir: 'dist',
  plugins: [publicOnly()],
};
