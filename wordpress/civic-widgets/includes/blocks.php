<?php
/**
 * Blocks for the block editor: Petition, Poll, Position comparator, Comments. Each is rendered on
 * the server by the same code as its shortcode; the editor script (assets/editor.js, plain
 * JavaScript on WordPress's own packages, no build step) gives each a settings panel and a live
 * preview.
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

/** Registers the editor script and the four blocks (their block.json beside this plugin). */
function register_blocks(): void {
	$dir = dirname( FILE );
	wp_register_script(
		'civic-widgets-editor',
		plugins_url( 'assets/editor.js', FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-i18n' ),
		VERSION,
		false
	);
	wp_set_script_translations( 'civic-widgets-editor', 'civic-widgets', $dir . '/languages' );
	$o = options();
	wp_add_inline_script(
		'civic-widgets-editor',
		'window.civicWidgetsEditor = ' . wp_json_encode(
			array(
				'api'      => $o['api'],
				'lang'     => widget_lang(),
				'settings' => admin_url( 'options-general.php?page=civic-widgets' ),
				'canEdit'  => current_user_can( 'manage_options' ),
			)
		) . ';',
		'before'
	);
	foreach ( array_keys( WIDGETS ) as $widget ) {
		register_block_type(
			$dir . "/blocks/$widget",
			array(
				'render_callback' => function ( $attributes ) use ( $widget ) {
					return render( $widget, is_array( $attributes ) ? $attributes : array() );
				},
			)
		);
	}
}

add_action(
	'enqueue_block_editor_assets',
	function () {
		// The live preview in the editor: every widget in one file.
		wp_enqueue_script( 'civic-widgets' );
	}
);
