/** What went wrong while starting the engine or loading data, in terms a message can explain. */
export type DataErrorInfo =
	| { kind: 'file-missing'; file: string; status: number }
	| { kind: 'file-corrupt'; file: string; detail: string }
	| { kind: 'network'; file: string; detail: string }
	| { kind: 'engine'; detail: string }
	| { kind: 'query'; detail: string };

export class DataError extends Error {
	constructor(readonly info: DataErrorInfo) {
		super('detail' in info ? `${info.kind}: ${info.detail}` : `${info.kind}: ${info.file} (${info.status})`);
		this.name = 'DataError';
	}
}

/** The error as DataErrorInfo, wrapping anything unexpected as an engine error. */
export function toDataErrorInfo(e: unknown): DataErrorInfo {
	if (e instanceof DataError) return e.info;
	return { kind: 'engine', detail: e instanceof Error ? e.message : String(e) };
}
