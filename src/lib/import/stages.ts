/**
 * Stage timing of the importer (for `npm run bench:import`): each stage of the pipeline runs
 * through a `Timed` function, which the benchmark makes record how long it took. By default
 * nothing is recorded.
 */
export interface StageTime {
	stage: string;
	ms: number;
}

export type Timed = <T>(stage: string, f: () => Promise<T> | T) => Promise<T>;

export const untimed: Timed = async (_stage, f) => f();

/** A Timed that reports every stage's duration to `record`. */
export function stageTimer(record: (t: StageTime) => void, now: () => number = () => performance.now()): Timed {
	return async (stage, f) => {
		const start = now();
		try {
			return await f();
		} finally {
			record({ stage, ms: now() - start });
		}
	};
}
