/**
 * Settings → Civic widgets: the "Test the connection" button asks WordPress (admin-ajax, with the
 * page's nonce) to test the address typed, and shows the answer in words in a status region.
 */
(function () {
	var button = document.getElementById('civic-widgets-test');
	var field = document.getElementById('civic-widgets-api');
	var out = document.getElementById('civic-widgets-test-result');
	var s = window.civicWidgetsSettings;
	if (!button || !field || !out || !s) return;
	button.hidden = false;
	var show = function (ok, text) {
		out.className = 'notice inline ' + (ok ? 'notice-success' : 'notice-error');
		out.innerHTML = '';
		var p = document.createElement('p');
		p.textContent = text;
		out.appendChild(p);
	};
	button.addEventListener('click', function () {
		button.disabled = true;
		out.className = '';
		out.textContent = s.testing;
		var body = new URLSearchParams({ action: 'civic_widgets_test', _ajax_nonce: s.nonce, api: field.value });
		fetch(s.ajax, { method: 'POST', body: body, credentials: 'same-origin' })
			.then(function (r) {
				return r.json();
			})
			.then(function (r) {
				show(!!r.ok, r.message);
			})
			.catch(function () {
				show(false, s.failed);
			})
			.finally(function () {
				button.disabled = false;
			});
	});
})();
