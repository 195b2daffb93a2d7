// The custom-elements manifest (dist/custom-elements.json), read by Storybook's docs and by editors.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/api/**', 'src/define/**', 'src/index.ts'],
  litelement: true,
  outdir: 'dist',
};
