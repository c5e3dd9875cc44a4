/** Strict parsing of the command-line tools' numeric options: a clear message and exit code 2, never a stack trace. */

export function fail(tool: string, message: string): never {
	console.error(`${tool}: ${message}`);
	process.exit(2);
}

/** A decimal number as people type it ("0.5", "-3", "1e-3"); no hexadecimal, binary, octal, blanks or Infinity. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseDecimal(text: string): number | null {
	const t = text.trim();
	return DECIMAL.test(t) ? Number(t) : null;
}

export function numberOption(tool: string, name: string, text: string | undefined, fallback: number, lo: number, hi: number): number {
	if (text === undefined) return fallback;
	const x = parseDecimal(text);
	if (x === null || x < lo || x > hi) fail(tool, `--${name} must be a number in [${lo}, ${hi}], got "${text}"`);
	return x;
}

export function integerOption(tool: string, name: string, text: string | undefined, fallback: number, lo: number, hi: number): number {
	if (text === undefined) return fallback;
	const x = parseDecimal(text);
	if (x === null || !Number.isInteger(x) || x < lo || x > hi) fail(tool, `--${name} must be an integer from ${lo} to ${hi}, got "${text}"`);
	return x;
}
