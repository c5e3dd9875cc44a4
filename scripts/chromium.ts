/**
 * Launch options for the system Chromium (Debian's package), shared by the browser tests,
 * benchmarks and screenshot script. The flags keep the browser itself from making any request
 * beyond the site under test. Override the binary with CHROMIUM_PATH.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];
