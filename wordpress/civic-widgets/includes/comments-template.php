<?php
/**
 * The comments template while the comments option is on (classic themes): <civic-comments>, with
 * the theme's own comments template inside it for readers without JavaScript.
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

$civic_widgets_theme = $GLOBALS['civic_widgets_theme_comments'] ?? '';
ob_start();
if ( $civic_widgets_theme && file_exists( $civic_widgets_theme ) ) {
	require $civic_widgets_theme;
}
echo post_comments( get_post(), (string) ob_get_clean() ); // phpcs:ignore WordPress.Security.EscapeOutput -- the element's attributes are escaped; the theme's template escapes its own.
