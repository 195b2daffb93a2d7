<?php
/**
 * Uninstalling removes the plugin's option (and the connection test leaves nothing behind).
 * Comments readers posted are WordPress's own comments and stay.
 *
 * @package CivicWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'civic_widgets' );
if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $civic_widgets_site ) {
		delete_blog_option( $civic_widgets_site, 'civic_widgets' );
	}
}
