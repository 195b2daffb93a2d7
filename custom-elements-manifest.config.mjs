// The custom-elements manifest (dist/custom-elements.json), read by Storybook's docs and by editors.

/**
 * Only what a page can use: the analyser lists every reactive property of `static properties` as an
 * attribute, internal state (`state: true`, private, protected or `@internal`) included. Those have
 * no attribute at run time, and would show in Storybook's controls and editors' completions.
 */
const publicOnly = () => {
  /** Per class: its `state: true` properties and its fields tagged `@internal`. */
  const hidden = new Map();
  return {
    name: 'civic-public-only',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names = new Set();
      for (const member of node.members) {
        const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
        if (!name) continue;
        if (ts.getJSDocTags(member).some((t) => t.tagName.text === 'internal')) names.add(name);
        const init = ts.isPropertyDeclaration(member) && name === 'properties' ? member.initializer : undefined;
        if (!init || !ts.isObjectLiteralExpression(init)) continue;
        for (const p of init.properties) {
          const options = ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer) ? p.initializer : undefined;
          const state = options?.properties.some((o) => ts.isPropertyAssignment(o) && o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword);
          if (state) names.add(p.name.getText());
        }
      }
      hidden.set(node.name.text, names);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.members) continue;
          const inner = hidden.get(d.name) ?? new Set();
          d.members = d.members.filter((m) => (!m.privacy || m.privacy === 'public') && !inner.has(m.name) && !(m.inheritedFrom && hidden.get(m.inheritedFrom.name)?.has(m.name)));
          // `dispatchEvent(new CivicSignedEvent(…))` is read as a second, nameless event: the named one
          // (from the class's @fires) is the one to keep.
          if (d.events) d.events = d.events.filter((e) => e.name);
          const fields = new Set(d.members.map((m) => m.name));
          if (d.attributes) d.attributes = d.attributes.filter((a) => !a.fieldName || fields.has(a.fieldName));
        }
      }
    },
  };
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/api/**', 'src/define/**', 'src/index.ts'],
  litelement: true,
  outdir: 'dist',
  plugins: [publicOnly()],
};
