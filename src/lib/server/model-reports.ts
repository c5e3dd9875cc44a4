import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CalibrationReport, PropositionsReport } from '$sim/engine/reports';
import { parseCalibration, parsePropositions, REPORT_FILES, type Stored } from '$lib/model-card/reports';

/**
 * Where the model's stored reports are (written by `npm run sim:calibrate` and
 * `npm run sim:validate -- --out …`); SIM_REPORTS_DIR points the build at another folder (a
 * preview of the card with a fixture's reports).
 */
export const REPORTS_DIR = 'sim/reports';

async function stored<T>(dir: string, name: string, parse: (text: string, file: string) => T): Promise<Stored<T>> {
	const file = join(dir, name);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing', file };
		throw e;
	}
	return { state: 'ready', file, report: parse(text, file) };
}

/** The calibration and propositions reports, each read or missing. */
export async function modelReports(dir = process.env.SIM_REPORTS_DIR || REPORTS_DIR): Promise<{ calibration: Stored<CalibrationReport>; propositions: Stored<PropositionsReport> }> {
	const [calibration, propositions] = await Promise.all([stored(dir, REPORT_FILES.calibration, parseCalibration), stored(dir, REPORT_FILES.propositions, parsePropositions)]);
	return { calibration, propositions };
}
