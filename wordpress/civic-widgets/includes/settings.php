<?php
/**
 * Settings → Civic widgets: the civic-server's API address (with a connection test), the widgets'
 * language (the site's by default), and the comments option. The form goes through WordPress's
 * Settings API (options.php: its nonce and the manage_options capability); the connection test
 * is an admin-ajax action with its own nonce and the same capability.
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

add_action(
	'admin_init',
	function () {
		register_setting(
			'civic_widgets',
			OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => __NAMESPACE__ . '\\sanitize_options',
				'default'           => array(),
			)
		);
	}
);

add_action(
	'admin_menu',
	function () {
		$page = add_options_page( __( 'Civic widgets', 'civic-widgets' ), __( 'Civic widgets', 'civic-widgets' ), 'manage_options', 'civic-widgets', __NAMESPACE__ . '\\settings_page' );
		add_action(
			"admin_print_scripts-$page",
			function () {
				wp_enqueue_script( 'civic-widgets-settings', plugins_url( 'assets/settings.js', FILE ), array(), VERSION, true );
				wp_localize_script(
					'civic-widgets-settings',
					'civicWidgetsSettings',
					array(
						'ajax'    => admin_url( 'admin-ajax.php' ),
						'nonce'   => wp_create_nonce( 'civic_widgets_test' ),
						'testing' => __( 'Testing…', 'civic-widgets' ),
						'failed'  => __( 'The test could not run: this page lost its connection to WordPress.', 'civic-widgets' ),
					)
				);
			}
		);
	}
);

add_action(
	'wp_ajax_civic_widgets_test',
	function () {
		check_ajax_referer( 'civic_widgets_test' );
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_send_json(
				array(
					'ok'      => false,
					'message' => __( 'You are not allowed to change these settings.', 'civic-widgets' ),
				),
				403
			);
		}
		$api = isset( $_POST['api'] ) ? sanitize_text_field( wp_unslash( $_POST['api'] ) ) : '';
		wp_send_json( probe( $api, site_origin() ) );
	}
);

/**
 * The plugins list's "Settings" link.
 *
 * @param string[] $links The plugin's links.
 * @return string[]
 */
function action_links( array $links ): array {
	array_unshift( $links, '<a href="' . esc_url( admin_url( 'options-general.php?page=civic-widgets' ) ) . '">' . esc_html__( 'Settings', 'civic-widgets' ) . '</a>' );
	return $links;
}

/** The settings page. */
function settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$o      = options();
	$name   = OPTION;
	$locale = get_locale();
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Civic widgets', 'civic-widgets' ); ?></h1>
		<form method="post" action="options.php">
			<?php settings_fields( 'civic_widgets' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="civic-widgets-api"><?php esc_html_e( 'Civic-server API address', 'civic-widgets' ); ?></label></th>
					<td>
						<input type="url" class="regular-text code" id="civic-widgets-api" name="<?php echo esc_attr( $name ); ?>[api]" value="<?php echo esc_attr( $o['api'] ); ?>" placeholder="https://civic.example/api" aria-describedby="civic-widgets-api-help">
						<button type="button" class="button" id="civic-widgets-test" hidden><?php esc_html_e( 'Test the connection', 'civic-widgets' ); ?></button>
						<p class="description" id="civic-widgets-api-help"><?php esc_html_e( 'Where petitions, polls and comparisons live (a civic-server, ending in /api). Comments over this site\'s own comments need none.', 'civic-widgets' ); ?></p>
						<div id="civic-widgets-test-result" role="status"></div>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="civic-widgets-lang"><?php esc_html_e( 'Language of the widgets', 'civic-widgets' ); ?></label></th>
					<td>
						<select id="civic-widgets-lang" name="<?php echo esc_attr( $name ); ?>[lang]">
							<option value="" <?php selected( $o['lang'], '' ); ?>>
								<?php
								/* translators: %s: the site's locale, e.g. fr_FR. */
								echo esc_html( sprintf( __( "The site's (%s)", 'civic-widgets' ), $locale ) );
								?>
							</option>
							<option value="fr" <?php selected( $o['lang'], 'fr' ); ?> lang="fr">Français</option>
							<option value="en" <?php selected( $o['lang'], 'en' ); ?> lang="en">English</option>
						</select>
					</td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Comments', 'civic-widgets' ); ?></th>
					<td>
						<label for="civic-widgets-comments">
							<input type="checkbox" id="civic-widgets-comments" name="<?php echo esc_attr( $name ); ?>[comments]" value="1" <?php checked( $o['comments'] ); ?> aria-describedby="civic-widgets-comments-help">
							<?php esc_html_e( 'Show posts\' and pages\' comments with the comments widget', 'civic-widgets' ); ?>
						</label>
						<p class="description" id="civic-widgets-comments-help">
							<?php esc_html_e( 'Replaces the theme\'s comment section with <civic-comments> over this site\'s own comments: threaded replies, writing kept offline, accessible. Readers post through WordPress\'s REST API, which this allows for visitors without an account while it is on; your Discussion settings (name and email required, moderation, reply depth, closing old posts) and spam checks still apply. The theme\'s section stays for readers without JavaScript.', 'civic-widgets' ); ?>
							<?php if ( get_option( 'comment_registration' ) ) : ?>
								<strong><?php esc_html_e( 'This site asks commenters to log in (Settings → Discussion): the widget shows comments but cannot take new ones.', 'civic-widgets' ); ?></strong>
							<?php endif; ?>
						</p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
