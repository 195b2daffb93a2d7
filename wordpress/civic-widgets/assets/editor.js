/**
 * The block editor's side of the four blocks (plain JavaScript on WordPress's own packages, no
 * build step). Each block's settings panel takes the id of what to show and checks it against the
 * civic server's public route as it is typed (its title, or what is wrong, in words); the
 * comparator can instead take a JSON file from the media library. The block shows the widget itself
 * as a preview. The blocks are rendered on the server (includes/blocks.php), like the shortcodes.
 *
 * The civic server has no route that lists its petitions, polls or comparisons to this site (its
 * admin routes need the organiser's token, which has no place in a blog's editor), so the panel
 * takes an id rather than offering a list.
 */
(function (wp) {
	var el = wp.element.createElement;
	var useState = wp.element.useState;
	var useEffect = wp.element.useEffect;
	var be = wp.blockEditor;
	var c = wp.components;
	var __ = wp.i18n.__;
	var sprintf = wp.i18n.sprintf;
	var cfg = window.civicWidgetsEditor || {};

	var kinds = {
		petition: {
			attr: 'petition',
			path: 'petitions',
			title: __('Petition', 'civic-widgets'),
			idLabel: __('Petition id', 'civic-widgets'),
			idHelp: __('The id the petition has on the civic server, e.g. plan-numerique.', 'civic-widgets'),
			/* translators: %s: the id typed. */
			missing: __('The civic server has no petition with the id “%s”.', 'civic-widgets'),
		},
		poll: {
			attr: 'poll',
			path: 'polls',
			title: __('Poll', 'civic-widgets'),
			idLabel: __('Poll id', 'civic-widgets'),
			idHelp: __('The id the poll or consultation has on the civic server.', 'civic-widgets'),
			/* translators: %s: the id typed. */
			missing: __('The civic server has no poll with the id “%s”.', 'civic-widgets'),
		},
		comparator: {
			attr: 'comparison',
			path: 'comparisons',
			title: __('Position comparator', 'civic-widgets'),
			idLabel: __('Comparison id', 'civic-widgets'),
			idHelp: __('The id the comparison has on the civic server; or choose a JSON file below.', 'civic-widgets'),
			/* translators: %s: the id typed. */
			missing: __('The civic server has no comparison with the id “%s”.', 'civic-widgets'),
		},
		comments: {
			attr: 'thread',
			path: 'threads',
			title: __('Comments', 'civic-widgets'),
			idLabel: __('Thread on the civic server', 'civic-widgets'),
			idHelp: __("Leave empty for this post's own WordPress comments.", 'civic-widgets'),
			/* translators: %s: the id typed. */
			missing: __('The civic server has no comment thread with the id “%s”.', 'civic-widgets'),
		},
	};

	/** What the civic server says of an id: null while unknown, else { ok, text, url }. */
	function useCheck(kind, id) {
		var state = useState(null);
		var result = state[0];
		var set = state[1];
		useEffect(
			function () {
				set(null);
				if (!id || !cfg.api) return;
				var aborted = new AbortController();
				var timer = setTimeout(function () {
					fetch(cfg.api + '/' + kind.path + '/' + encodeURIComponent(id), { signal: aborted.signal, credentials: 'omit', headers: { accept: 'application/json' } })
						.then(function (r) {
							return r.json().then(function (body) {
								if (r.ok && body && body.title) {
									set({ ok: true, text: sprintf(__('Found: “%s”', 'civic-widgets'), body.title), url: body.url || '' });
								} else if (r.status === 404) {
									set({ ok: false, text: sprintf(kind.missing, id) });
								} else {
									set({ ok: false, text: sprintf(__('The civic server refused: %s', 'civic-widgets'), (body && body.error && body.error.message) || r.status) });
								}
							});
						})
						.catch(function (e) {
							if (!aborted.signal.aborted) set({ ok: false, text: __('The civic server could not be reached from this browser (check the address and its allowed origins in Settings → Civic widgets).', 'civic-widgets') });
						});
				}, 400);
				return function () {
					clearTimeout(timer);
					aborted.abort();
				};
			},
			[kind.path, id]
		);
		return result;
	}

	function edit(name, kind) {
		return function (props) {
			var a = props.attributes;
			var setAttributes = props.setAttributes;
			var check = useCheck(kind, a.id);
			var needsServer = name !== 'comments' || !!a.id;
			var fields = [];
			if (needsServer && !cfg.api && !(name === 'comparator' && a.src)) {
				fields.push(
					el(
						c.Notice,
						{ key: 'api', status: 'warning', isDismissible: false },
						__("Set the civic server's address in Settings → Civic widgets first.", 'civic-widgets'),
						cfg.canEdit ? el('p', null, el('a', { href: cfg.settings }, __('Open the settings', 'civic-widgets'))) : null
					)
				);
			}
			fields.push(
				el(c.TextControl, {
					key: 'id',
					label: kind.idLabel,
					help: kind.idHelp,
					value: a.id,
					onChange: function (v) {
						setAttributes({ id: v.trim(), src: name === 'comparator' && v.trim() ? '' : a.src });
					},
				})
			);
			if (check) {
				fields.push(el('p', { key: 'check', role: 'status', className: check.ok ? 'civic-widgets-found' : 'civic-widgets-missing' }, check.text));
				if (check.ok && check.url && check.url !== a.link) {
					fields.push(
						el(
							c.Button,
							{ key: 'use-url', variant: 'secondary', onClick: function () { setAttributes({ link: check.url }); } },
							__('Use its page as the link for readers without JavaScript', 'civic-widgets')
						)
					);
				}
			}
			if (name === 'comparator') {
				fields.push(
					el(
						be.MediaUploadCheck,
						{ key: 'media' },
						el(be.MediaUpload, {
							allowedTypes: ['application/json'],
							onSelect: function (m) {
								setAttributes({ src: m.url, id: '' });
							},
							render: function (o) {
								return el(
									'div',
									{ className: 'civic-widgets-media' },
									el(c.Button, { variant: 'secondary', onClick: o.open }, a.src ? __('Choose another JSON file', 'civic-widgets') : __('Choose a JSON file from the media library', 'civic-widgets')),
									a.src ? el('p', null, a.src) : null,
									a.src ? el(c.Button, { variant: 'link', isDestructive: true, onClick: function () { setAttributes({ src: '' }); } }, __('Remove the file', 'civic-widgets')) : null
								);
							},
						})
					)
				);
			}
			fields.push(
				el(c.TextControl, {
					key: 'link',
					type: 'url',
					label: __('Link for readers without JavaScript', 'civic-widgets'),
					help: __('Shown until the widget loads, and where it cannot (optional).', 'civic-widgets'),
					value: a.link,
					onChange: function (v) {
						setAttributes({ link: v.trim() });
					},
				})
			);

			var preview;
			if (name === 'comparator' && a.src) preview = el('civic-comparator', { src: a.src, lang: cfg.lang });
			else if (a.id && cfg.api) {
				var attrs = { api: cfg.api, lang: cfg.lang };
				attrs[kind.attr] = a.id;
				preview = el('civic-' + name, attrs);
			} else if (name === 'comments' && !a.id) {
				preview = el(c.Placeholder, { icon: 'admin-comments', label: kind.title, instructions: __("This post's comments show here, with the comments widget over WordPress's own comments.", 'civic-widgets') });
			} else {
				preview = el(c.Placeholder, { icon: 'megaphone', label: kind.title, instructions: kind.idHelp });
			}
			return el(
				'div',
				be.useBlockProps(),
				el(be.InspectorControls, null, el(c.PanelBody, { title: kind.title, initialOpen: true }, fields)),
				preview
			);
		};
	}

	Object.keys(kinds).forEach(function (name) {
		wp.blocks.registerBlockType('civic-widgets/' + name, {
			edit: edit(name, kinds[name]),
			save: function () {
				return null;
			},
		});
	});
})(window.wp);
