<?php
/**
 * Runs PHP code (read from standard input) inside a WordPress site, from the command line, and
 * prints what it returns as JSON: the test harness's small stand-in for wp-cli.
 *   php eval.php SITE_DIR URL < code.php
 * With WP_INSTALLING=1 in the environment, WordPress is loaded in installation mode (no tables yet).
 */
[ , $civic_site, $civic_url ] = $argv;
define( 'ABSPATH', rtrim( $civic_site, '/' ) . '/' );
$civic_parts            = parse_url( $civic_url );
$_SERVER['HTTP_HOST']   = $civic_parts['host'] . ( isset( $civic_parts['port'] ) ? ':' . $civic_parts['port'] : '' );
$_SERVER['SERVER_NAME'] = $civic_parts['host'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
if ( getenv( 'WP_INSTALLING' ) ) {
	define( 'WP_INSTALLING', true );
}
require ABSPATH . 'wp-load.php';
$civic_code = stream_get_contents( STDIN );
$civic_result = eval( $civic_code );
echo "\n--civic-eval--\n" . wp_json_encode( $civic_result );
