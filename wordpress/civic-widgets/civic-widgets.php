<?php
/**
 * Plugin Name:       Civic widgets
 * Plugin URI:        https://github.com/civic-widgets/civic-widgets
 * Description:       Petitions, polls, position comparators and comments from a civic-server, as blocks and shortcodes; and comments over this site's own WordPress comments. The widgets' JavaScript is served from this site.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            civic-widgets
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       civic-widgets
 * Domain Path:       /languages
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

const VERSION = '0.1.0';
const FILE    = __FILE__;
const OPTION  = 'civic_widgets';

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/comments.php';
require_once __DIR__ . '/includes/media.php';
if ( is_admin() ) {
	require_once __DIR__ . '/includes/probe.php';
	require_once __DIR__ . '/includes/settings.php';
}

add_action(
	'init',
	function () {
		load_plugin_textdomain( 'civic-widgets', false, dirname( plugin_basename( FILE ) ) . '/languages' );
		register_scripts();
		register_shortcodes();
		register_blocks();
	}
);
add_filter( 'script_loader_tag', __NAMESPACE__ . '\\module_tag', 10, 2 );
add_action( 'wp_footer', __NAMESPACE__ . '\\enqueue_used', 1 );
add_filter( 'plugin_action_links_' . plugin_basename( FILE ), __NAMESPACE__ . '\\action_links' );
add_action( 'plugins_loaded', __NAMESPACE__ . '\\hook_comments' );
