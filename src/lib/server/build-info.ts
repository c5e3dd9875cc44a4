import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What a citation of a page names of the site: its version (package.json), commit and build date. */
export interface BuildInfo {
	version: string;
	/** The short git commit the site was built from, or null outside a git checkout. */
	commit: string | null;
	/** The build's date, 'YYYY-MM-DD' (SOURCE_DATE_EPOCH when set, for reproducible builds). */
	built: string;
}

let info: BuildInfo | null = null;

/** Read once per build. */
export function buildInfo(): BuildInfo {
	if (info) return info;
	const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
	let commit: string | null = null;
	try {
		commit = execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
	} catch {
		commit = null; // not a git checkout (a copied source tree): the version alone names the build
	}
	const epoch = Number(process.env.SOURCE_DATE_EPOCH);
	const built = (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()).toISOString().slice(0, 10);
	return (info = { version, commit, built });
}
