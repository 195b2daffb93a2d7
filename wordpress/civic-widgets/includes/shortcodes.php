<?php
/**
 * Shortcodes for the classic editor:
 * `[civic_petition id="…"]`, `[civic_poll id="…"]`, `[civic_comparator id="…"]` or
 * `[civic_comparator src="…"]` (a JSON file, e.g. from the media library), `[civic_comments]`
 * (this post's comments) or `[civic_comments thread="…"]` (a thread on the civic server).
 * Each also takes `link` (where readers without JavaScript go), `lang` and `api`.
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

/** Registers the four shortcodes. */
function register_shortcodes(): void {
	foreach ( array_keys( WIDGETS ) as $widget ) {
		add_shortcode(
			"civic_$widget",
			function ( $atts ) use ( $widget ) {
				$a = shortcode_atts(
					array(
						'id'     => '',
						'thread' => '',
						'src'    => '',
						'link'   => '',
						'lang'   => '',
						'api'    => '',
					),
					is_array( $atts ) ? $atts : array(),
					"civic_$widget"
				);
				if ( 'comments' === $widget && '' === $a['id'] ) {
					$a['id'] = $a['thread'];
				}
				return render( $widget, $a );
			}
		);
	}
}
