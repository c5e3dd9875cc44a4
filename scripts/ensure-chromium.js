#!/usr/bin/env node
/**
 * Runs before the browser tests: makes sure a Chromium is installed. The tests drive the system
 * Chromium (Debian's package); Playwright's own browser download is not reachable here. As root on
 * Debian it installs the package; otherwise it says how to.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (root && existsSync('/usr/bin/apt-get')) {
	console.log(`ensure-chromium: ${path} not found; installing Debian's chromium package…`);
	execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', {
		stdio: 'inherit',
		shell: '/bin/bash'
	});
	if (existsSync(path)) process.exit(0);
}
console.error(
	`ensure-chromium: no Chromium at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` +
		'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
);
process.exit(1);
