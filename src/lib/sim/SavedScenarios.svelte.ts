import { parseScenarioJson, scenarioToJson, type Scenario } from './scenario';

export interface SavedScenario {
	name: string;
	scenario: Scenario;
	savedAt: string;
}

const KEY = 'grassroots-governance-sandbox.scenarios.v1';
const MAX_SAVED = 50;

/**
 * Named scenarios kept in the browser (localStorage), surviving reloads. Entries that no longer
 * parse (a damaged store, an old format) are skipped and counted, never thrown at the user.
 */
export class SavedScenarios {
	list = $state<SavedScenario[]>([]);
	/** Entries found unreadable when loading. */
	skipped = $state(0);
	/** Set when the browser refuses to store (private mode, full quota). */
	storageError = $state<string | null>(null);

	constructor() {
		let raw: string | null = null;
		try {
			raw = localStorage.getItem(KEY);
		} catch (e) {
			this.storageError = (e as Error).message;
		}
		if (!raw) return;
		let entries: unknown;
		try {
			entries = JSON.parse(raw);
		} catch {
			this.skipped = 1;
			return;
		}
		if (!Array.isArray(entries)) return;
		for (const entry of entries) {
			const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<SavedScenario>;
			const valid = typeof e.name === 'string' && typeof e.scenario === 'object' && e.scenario !== null;
			const parsed = valid ? parseScenarioJson(scenarioToJson(e.scenario as Scenario)) : null;
			if (valid && parsed?.ok) this.list.push({ name: e.name as string, scenario: parsed.scenario, savedAt: String(e.savedAt ?? '') });
			else this.skipped++;
		}
	}

	save(name: string, scenario: Scenario): void {
		const clean = name.trim().slice(0, 60);
		if (!clean) return;
		const entry = { name: clean, scenario: $state.snapshot(scenario) as Scenario, savedAt: new Date().toISOString() };
		this.list = [entry, ...this.list.filter((s) => s.name !== clean)].slice(0, MAX_SAVED);
		this.#persist();
	}

	remove(name: string): void {
		this.list = this.list.filter((s) => s.name !== name);
		this.#persist();
	}

	#persist(): void {
		try {
			localStorage.setItem(KEY, JSON.stringify(this.list));
			this.storageError = null;
		} catch (e) {
			this.storageError = (e as Error).message;
		}
	}
}
