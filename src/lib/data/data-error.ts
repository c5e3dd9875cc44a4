/** What went wrong while starting the engine or loading data, in terms a message can explain. */
export type DataErrorInfo =
	| { kind: 'file-missing'; file: string; status: number }
	| { kind: 'file-corrupt'; file: string; detail: string }
	| { kind: 'network'; file: string; detail: string }
	| { kind: 'engine'; detail: string }
	| { kind: 'engine-missing'; file: string; status: number }
	/** The engine's download stopped: no byte for `seconds` s after `received` of `total` bytes (0: unknown). */
	| { kind: 'engine-stalled'; file: string; received: number; total: number; seconds: number }
	| { kind: 'query'; detail: string };

export class DataError extends Error {
	constructor(readonly info: DataErrorInfo) {
		super(
			'detail' in info
				? `${info.kind}: ${info.detail}`
				: 'status' in info
					? `${info.kind}: ${info.file} (${info.status})`
					: `${info.kind}: ${info.file} stalled after ${info.received} of ${info.total} bytes`
		);
		this.name = 'DataError';
	}
}

/** The error as DataErrorInfo, wrapping anything unexpected as an engine error. */
export function toDataErrorInfo(e: unknown): DataErrorInfo {
	if (e instanceof DataError) return e.info;
	return { kind: 'engine', detail: e instanceof Error ? e.message : String(e) };
}

/**
 * Fetches one of the dataset's files (`file`: its name in messages): a network failure and a
 * missing file are reported as such, so the view that needed it can say which file and why.
 */
export async function fetchDataFile(url: string, file: string): Promise<Response> {
	let response: Response;
	try {
		response = await fetch(url);
	} catch (e) {
		throw new DataError({ kind: 'network', file, detail: e instanceof Error ? e.message : String(e) });
	}
	if (!response.ok) throw new DataError({ kind: 'file-missing', file, status: response.status });
	return response;
}
