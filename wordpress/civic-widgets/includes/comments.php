<?php
/**
 * Comments without any other server: with the option on, <civic-comments> takes the place of the
 * theme's comment section and shows this site's own comments through WordPress's REST API (the
 * widgets' WordPress backend). The theme's section stays inside it, for readers without JavaScript
 * (they read and post through WordPress's own form) and for when the widget cannot load.
 *
 * Anonymous comments through the REST API are allowed only while the option is on, and only where
 * the site already takes comments without an account; WordPress's own checks (closed posts,
 * required name and email, moderation, flood, duplicates, disallowed words) still apply.
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

/** While the option is on: the theme's comments replaced, anonymous REST comments allowed. */
function hook_comments(): void {
	if ( ! options()['comments'] ) {
		return;
	}
	add_filter( 'rest_allow_anonymous_comments', __NAMESPACE__ . '\\allow_anonymous' );
	add_filter( 'comments_template', __NAMESPACE__ . '\\comments_template', 20 );
	add_filter( 'render_block_core/comments', __NAMESPACE__ . '\\comments_block', 10, 3 );
}

/** Only where a reader may comment without an account. */
function allow_anonymous(): bool {
	return ! get_option( 'comment_registration' );
}

/**
 * The REST route of a post's comments thread as the widget names it: `42` for a post, `pages/42`
 * for a page; null for other types (their comments stay the theme's).
 *
 * @param \WP_Post $post The post.
 */
function thread_of( \WP_Post $post ): ?string {
	if ( 'post' === $post->post_type ) {
		return (string) $post->ID;
	}
	return 'page' === $post->post_type ? 'pages/' . $post->ID : null;
}

/**
 * <civic-comments> over a post's WordPress comments, with what WordPress requires said in
 * attributes (the REST API does not tell them): name and email required, reply depth,
 * moderation, closed.
 *
 * @param \WP_Post|null $post     The post.
 * @param string        $fallback What readers without JavaScript get.
 */
function post_comments( ?\WP_Post $post, string $fallback ): string {
	$thread = $post ? thread_of( $post ) : null;
	if ( ! $thread || ( ! comments_open( $post ) && ! get_comments_number( $post ) ) ) {
		return $fallback;
	}
	$depth = get_option( 'thread_comments' ) ? max( 1, (int) get_option( 'thread_comments_depth' ) ) - 1 : 0;
	$mode  = get_option( 'comment_moderation' ) ? 'pre' : ( get_option( 'comment_previously_approved' ) ? 'first-time' : 'post' );
	return element(
		'comments',
		array(
			'api'           => get_rest_url(),
			'thread'        => $thread,
			'lang'          => widget_lang(),
			'require-email' => (bool) get_option( 'require_name_email' ),
			'max-depth'     => (string) $depth,
			'moderation'    => $mode,
			'closed'        => ! comments_open( $post ),
		),
		$fallback
	);
}

/**
 * Classic themes: comments_template() loads our template, which wraps the theme's own.
 *
 * @param string $template The theme's comments template.
 */
function comments_template( string $template ): string {
	$post = get_post();
	if ( ! $post || ! thread_of( $post ) ) {
		return $template;
	}
	$GLOBALS['civic_widgets_theme_comments'] = $template;
	return __DIR__ . '/comments-template.php';
}

/**
 * Block themes: the core/comments block's output goes inside the element.
 *
 * @param string    $content The block's HTML.
 * @param array     $parsed  The parsed block.
 * @param \WP_Block $block   The block instance (its context names the post).
 */
function comments_block( string $content, array $parsed, $block = null ): string {
	// WordPress renders the block's static inner version through the same filter: wrap it once.
	if ( str_starts_with( ltrim( $content ), '<civic-comments' ) ) {
		return $content;
	}
	$id   = $block instanceof \WP_Block && isset( $block->context['postId'] ) ? (int) $block->context['postId'] : get_the_ID();
	$post = get_post( $id );
	if ( ! $post || ! thread_of( $post ) ) {
		return $content;
	}
	return post_comments( $post, $content );
}
