/**
 * The agree / mixed / disagree colours in forced-colors mode, where the page's palette gives way to
 * the system's: one system colour each, so that the three stay apart. CSS text, to be joined to a
 * style sheet (`unsafeCSS`): the poll widget's consultation results and the console's results screen
 * share it (the console may not import a widget folder).
 */
export const agreementForcedColors =
  '@media (forced-colors: active){.agree{background:Highlight}.mixed{background:GrayText}.disagree{background:CanvasText}}';
