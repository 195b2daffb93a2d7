<?php
/**
 * The plugin's one option (`civic_widgets`): the civic-server's API address, the widgets' language,
 * and whether comments go through <civic-comments>.
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

/**
 * The settings, with their defaults.
 *
 * @return array{api: string, lang: string, comments: bool}
 */
function options(): array {
	$saved = get_option( OPTION, array() );
	$saved = is_array( $saved ) ? $saved : array();
	return array(
		'api'      => isset( $saved['api'] ) ? (string) $saved['api'] : '',
		'lang'     => isset( $saved['lang'] ) ? (string) $saved['lang'] : '',
		'comments' => ! empty( $saved['comments'] ),
	);
}

/**
 * Cleans what the settings form sends.
 *
 * @param mixed $input The submitted values.
 * @return array{api: string, lang: string, comments: bool}
 */
function sanitize_options( $input ): array {
	$input = is_array( $input ) ? $input : array();
	$api   = isset( $input['api'] ) ? trim( (string) $input['api'] ) : '';
	$api   = '' === $api ? '' : untrailingslashit( esc_url_raw( $api, array( 'http', 'https' ) ) );
	if ( isset( $input['api'] ) && '' !== trim( (string) $input['api'] ) && '' === $api ) {
		add_settings_error( OPTION, 'api', __( 'The civic-server address must be an http:// or https:// URL.', 'civic-widgets' ) );
	}
	$lang = isset( $input['lang'] ) ? (string) $input['lang'] : '';
	return array(
		'api'      => $api,
		'lang'     => in_array( $lang, array( '', 'fr', 'en' ), true ) ? $lang : '',
		'comments' => ! empty( $input['comments'] ),
	);
}

/**
 * The language the widgets speak: the one chosen in the settings, else the site's (WordPress's
 * locale, e.g. `fr-CA`; the widgets fall back to English for a language they lack).
 */
function widget_lang(): string {
	$chosen = options()['lang'];
	return '' !== $chosen ? $chosen : str_replace( '_', '-', get_locale() );
}
