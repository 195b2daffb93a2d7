<?php
/**
 * The settings page's connection test: asks the civic server for something that does not exist,
 * as the blog's pages would (with this site's Origin), and says in words what is wrong: the
 * address cannot be reached, it is not a civic-server API, or the server does not allow this
 * site's origin (browsers would then refuse the widgets its answers).
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

/** This site's origin, as browsers send it from its pages: `https://blog.example` (with a port if any). */
function site_origin(): string {
	$p = wp_parse_url( home_url() );
	return $p['scheme'] . '://' . $p['host'] . ( isset( $p['port'] ) ? ':' . $p['port'] : '' );
}

/**
 * Tests a civic-server API address.
 *
 * @param string $api    The address (e.g. https://civic.example/api).
 * @param string $origin The origin the widgets' requests come from.
 * @return array{ok: bool, message: string}
 */
function probe( string $api, string $origin ): array {
	$api = untrailingslashit( trim( $api ) );
	if ( '' === $api ) {
		return array(
			'ok'      => false,
			'message' => __( "Enter the civic-server's API address first, e.g. https://civic.example/api.", 'civic-widgets' ),
		);
	}
	if ( ! preg_match( '~^https?://[^/\s?#]+~i', $api ) ) {
		/* translators: %s: what was entered. */
		return array( 'ok' => false, 'message' => sprintf( __( '“%s” is not a web address: it should start with https:// (or http://).', 'civic-widgets' ), $api ) );
	}
	$res = wp_remote_get(
		$api . '/petitions/civic-widgets-connection-test',
		array(
			'timeout'     => 8,
			'redirection' => 2,
			'headers'     => array(
				'Accept' => 'application/json',
				'Origin' => $origin,
			),
		)
	);
	if ( is_wp_error( $res ) ) {
		return array(
			'ok'      => false,
			/* translators: 1: the address, 2: the error from the network. */
			'message' => sprintf( __( 'Could not reach %1$s (%2$s). Check the address, and that the server is running and reachable from this site.', 'civic-widgets' ), $api, $res->get_error_message() ),
		);
	}
	$status = (int) wp_remote_retrieve_response_code( $res );
	$json   = json_decode( (string) wp_remote_retrieve_body( $res ), true );
	if ( ! is_array( $json ) || ! isset( $json['error']['kind'] ) ) {
		$type = (string) wp_remote_retrieve_header( $res, 'content-type' );
		$hint = preg_match( '#/api$#', $api ) ? '' : ' ' . __( 'A civic server\'s API address usually ends in /api.', 'civic-widgets' );
		return array(
			'ok'      => false,
			/* translators: 1: the address, 2: the HTTP status, 3: the content type. */
			'message' => sprintf( __( '%1$s answers (HTTP %2$d, %3$s), but not as a civic-server API.', 'civic-widgets' ), $api, $status, '' !== $type ? $type : __( 'no content type', 'civic-widgets' ) ) . $hint,
		);
	}
	$allowed = (string) wp_remote_retrieve_header( $res, 'access-control-allow-origin' );
	if ( '*' !== $allowed && $origin !== $allowed ) {
		return array(
			'ok'      => false,
			/* translators: %s: this site's origin, e.g. https://blog.example. */
			'message' => sprintf( __( 'The civic server answers, but does not allow this site\'s origin (%1$s): browsers would refuse the widgets its answers. Add it to the server\'s allowed origins (civic-server --origin %1$s).', 'civic-widgets' ), $origin ),
		);
	}
	return array(
		'ok'      => true,
		/* translators: 1: the address, 2: this site's origin. */
		'message' => sprintf( __( 'Connected: %1$s is a civic server, and it allows this site (%2$s).', 'civic-widgets' ), $api, $origin ),
	);
}
