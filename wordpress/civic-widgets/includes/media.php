<?php
/**
 * A comparison can be a JSON file in the media library: authors who may upload files may upload
 * `.json` files (a comparison's data; WordPress refuses them otherwise).
 *
 * @package CivicWidgets
 */

namespace CivicWidgets;

defined( 'ABSPATH' ) || exit;

add_filter(
	'upload_mimes',
	function ( $mimes ) {
		if ( current_user_can( 'upload_files' ) ) {
			$mimes['json'] = 'application/json';
		}
		return $mimes;
	}
);

/*
 * PHP's fileinfo reads a JSON file as text/plain or application/json: both are a .json file's
 * real type here (WordPress otherwise refuses the upload as a type mismatch).
 */
add_filter(
	'wp_check_filetype_and_ext',
	function ( $data, $file, $filename, $mimes, $real_mime = null ) {
		if ( str_ends_with( strtolower( (string) $filename ), '.json' ) && in_array( $real_mime, array( 'application/json', 'text/plain' ), true ) && current_user_can( 'upload_files' ) ) {
			return array(
				'ext'             => 'json',
				'type'            => 'application/json',
				'proper_filename' => false,
			);
		}
		return $data;
	},
	10,
	5
);
