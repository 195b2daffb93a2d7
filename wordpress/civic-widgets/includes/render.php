<?php
/**
 * The widgets' markup, shared by the shortcodes, the blocks and the comments option: the element
 * with its attributes and, inside it, what a reader without JavaScript gets (a link); and the
 * widgets' JavaScript, served from this plugin's cdn/ folder, loaded only on pages that show one.
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

/** The widgets, and the attribute that names what each shows. */
const WIDGETS = array(
	'petition'   => 'petition',
	'poll'       => 'poll',
	'comparator' => 'comparison',
	'comments'   => 'thread',
);

/**
 * The widgets shown on this page so far.
 *
 * @var array<string, true>
 */
$GLOBALS['civic_widgets_used'] = array();

/**
 * Registers one module script per widget, and one with every widget (for pages that show several).
 * Their URLs carry no `?ver=`: the parts a widget loads on demand import the widget's file by its
 * plain name, and a module loaded under two URLs runs twice (two copies of its classes).
 */
function register_scripts(): void {
	foreach ( array_merge( array_keys( WIDGETS ), array( 'widgets' ) ) as $name ) {
		wp_register_script( "civic-$name", plugins_url( "cdn/civic-$name.js", FILE ), array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
	}
}

/**
 * The widgets' scripts are ES modules.
 *
 * @param string $tag    The script tag WordPress prints.
 * @param string $handle Its handle.
 */
function module_tag( string $tag, string $handle ): string {
	if ( ! str_starts_with( $handle, 'civic-' ) || 'civic-widgets-editor' === $handle || 'civic-widgets-settings' === $handle ) {
		return $tag;
	}
	return str_replace( '<script ', '<script type="module" ', preg_replace( '/ type=([\'"])text\/javascript\1/', '', $tag ) );
}

/** Before the footer's scripts print: the one file each widget needs, or the file with all of them. */
function enqueue_used(): void {
	$used = array_keys( $GLOBALS['civic_widgets_used'] );
	if ( count( $used ) > 1 ) {
		wp_enqueue_script( 'civic-widgets' );
	} elseif ( $used ) {
		wp_enqueue_script( 'civic-' . $used[0] );
	}
}

/**
 * A widget's element.
 *
 * @param string               $widget   petition, poll, comparator or comments.
 * @param array<string,string> $attrs    Its attributes (empty ones are left out).
 * @param string               $fallback The HTML inside it: shown until the widget loads, if it cannot, and without JavaScript.
 */
function element( string $widget, array $attrs, string $fallback ): string {
	$GLOBALS['civic_widgets_used'][ $widget ] = true;
	$html = '<civic-' . $widget;
	foreach ( $attrs as $name => $value ) {
		if ( true === $value ) {
			$html .= ' ' . $name;
		} elseif ( null !== $value && false !== $value && '' !== (string) $value ) {
			$html .= ' ' . $name . '="' . esc_attr( (string) $value ) . '"';
		}
	}
	return $html . '>' . $fallback . '</civic-' . $widget . '>';
}

/**
 * What a widget says to a reader without JavaScript, before it loads, or if it cannot: a link
 * where one was given, else a sentence saying what is there.
 *
 * @param string $widget The widget.
 * @param string $link   Where such a reader goes (the petition's own page…); may be empty.
 */
function fallback( string $widget, string $link ): string {
	$labels = array(
		'petition'   => __( 'Sign the petition', 'civic-widgets' ),
		'poll'       => __( 'Answer the poll', 'civic-widgets' ),
		'comparator' => __( "See the parties' positions", 'civic-widgets' ),
		'comments'   => __( 'Read the comments', 'civic-widgets' ),
	);
	$link = esc_url( $link );
	return '' === $link
		? '<p>' . esc_html( $labels[ $widget ] ) . ' ' . esc_html__( '(this needs JavaScript)', 'civic-widgets' ) . '</p>'
		: '<p><a href="' . $link . '">' . esc_html( $labels[ $widget ] ) . '</a></p>';
}

/**
 * A note that only the site's editors see, where a widget lacks what it needs (readers see nothing).
 *
 * @param string $text What is missing.
 */
function editor_note( string $text ): string {
	return current_user_can( 'edit_posts' ) ? '<p class="civic-widgets-note"><em>' . esc_html( $text ) . '</em></p>' : '';
}

/**
 * A widget of the civic server (petition, poll, comparator by id, comments of a thread), or a
 * comparator read from a JSON file, or the comments of this post.
 *
 * @param string               $widget The widget.
 * @param array<string,string> $a      id, src (comparator), link, api (else the settings'), lang.
 */
function render( string $widget, array $a ): string {
	$o    = options();
	$id   = sanitize_text_field( (string) ( $a['id'] ?? '' ) );
	$src  = esc_url_raw( (string) ( $a['src'] ?? '' ) );
	$link = (string) ( $a['link'] ?? '' );
	$lang = sanitize_text_field( (string) ( $a['lang'] ?? '' ) );
	$lang = '' !== $lang ? $lang : widget_lang();
	$api  = esc_url_raw( (string) ( $a['api'] ?? '' ) );
	$api  = '' !== $api ? $api : $o['api'];

	if ( 'comments' === $widget && '' === $id ) {
		return post_comments( get_post(), '' !== $link ? fallback( 'comments', $link ) : fallback( 'comments', get_comments_link() ) );
	}
	if ( 'comparator' === $widget && '' !== $src ) {
		return element( 'comparator', array( 'src' => $src, 'lang' => $lang ), fallback( 'comparator', '' !== $link ? $link : $src ) );
	}
	if ( '' === $id ) {
		return editor_note( __( 'Civic widget: give the id of what to show.', 'civic-widgets' ) );
	}
	if ( '' === $api ) {
		return editor_note( __( "Civic widget: set the civic-server's address in Settings → Civic widgets.", 'civic-widgets' ) ) . fallback( $widget, $link );
	}
	return element( $widget, array( 'api' => $api, WIDGETS[ $widget ] => $id, 'lang' => $lang ), fallback( $widget, $link ) );
}
