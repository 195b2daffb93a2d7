<?php
/**
 * Router for PHP's built-in server (`php -S 127.0.0.1:PORT router.php`): a WordPress site whose
 * core files are links to Debian's package (/usr/share/wordpress) and whose wp-config.php and
 * wp-content/ are this folder's own. ABSPATH is set here, before any core file runs, so that core
 * files (whose __DIR__ is the package's folder) load this site's wp-config.php.
 */
define( 'ABSPATH', __DIR__ . '/' );

$civic_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( str_contains( $civic_path, '..' ) ) {
	http_response_code( 400 );
	return;
}
$civic_file = __DIR__ . $civic_path;
if ( is_dir( $civic_file ) && is_file( rtrim( $civic_file, '/' ) . '/index.php' ) ) {
	$civic_path = rtrim( $civic_path, '/' ) . '/index.php';
	$civic_file = __DIR__ . $civic_path;
}
if ( is_file( $civic_file ) && ! str_ends_with( $civic_file, '.php' ) ) {
	return false; // A static file: the server sends it.
}
if ( ! is_file( $civic_file ) ) {
	// Pretty permalinks and /wp-json/: WordPress's front controller.
	$civic_path = '/index.php';
	$civic_file = __DIR__ . '/index.php';
}
$_SERVER['SCRIPT_NAME']     = $civic_path;
$_SERVER['PHP_SELF']        = $civic_path;
$_SERVER['SCRIPT_FILENAME'] = $civic_file;
chdir( dirname( $civic_file ) );
unset( $civic_path );
require $civic_file;
