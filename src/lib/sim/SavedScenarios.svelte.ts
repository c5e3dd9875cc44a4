import { describeValue, isPlainObject } from './scenario-schema';
import { scenarioFromObject, type Scenario, type ScenarioProblem } from './scenario';

export interface SavedScenario {
	name: string;
	scenario: Scenario;
	savedAt: string;
}

/** A stored entry that could not be read: kept as it was stored, with the first reasons. */
export interface UnreadableEntry {
	/** The entry as stored (the whole stored text when the store is not a list at all). */
	raw: unknown;
	/** Its name, when it has one. */
	name?: string;
	/** Its place in the stored list, from 1 (none when the store is not a list at all). */
	position?: number;
	problems: ScenarioProblem[];
}

/** A name the store renamed on load because an earlier entry had it too. */
export interface Renamed {
	from: string;
	to: string;
}

export type StoreResult =
	| { ok: true; name?: string }
	| { ok: false; reason: 'name' }
	| { ok: false; reason: 'exists'; name: string }
	| { ok: false; reason: 'full'; max: number }
	| { ok: false; reason: 'storage'; quota: boolean; detail: string };

const KEY = 'grassroots-governance-sandbox.scenarios.v1';
/** Saving a new name stops here (an existing one can still be replaced); a longer stored list is kept whole. */
export const MAX_SAVED = 50;
export const NAME_MAX = 60;

interface Stored {
	list: SavedScenario[];
	unreadable: UnreadableEntry[];
	renamed: Renamed[];
}

function readEntry(entry: unknown, index: number): SavedScenario | UnreadableEntry {
	const position = index + 1;
	if (!isPlainObject(entry)) return { raw: entry, position, problems: [{ field: '', code: 'notObject', value: describeValue(entry) }] };
	const name = typeof entry.name === 'string' ? entry.name.trim().slice(0, NAME_MAX) : '';
	const problems: ScenarioProblem[] = name ? [] : [{ field: 'name', code: entry.name === undefined ? 'missing' : 'type' }];
	const parsed = scenarioFromObject(entry.scenario, { path: 'scenario' });
	if (!parsed.ok) problems.push(...parsed.problems);
	if (problems.length || !parsed.ok) return { raw: entry, name: name || undefined, position, problems };
	return { name, scenario: parsed.scenario, savedAt: typeof entry.savedAt === 'string' ? entry.savedAt : '' };
}

/** A name not in `taken`: `name (2)`, `name (3)`, … */
function freeName(name: string, taken: Set<string>): string {
	for (let i = 2; ; i++) {
		const suffix = ` (${i})`;
		const candidate = name.slice(0, NAME_MAX - suffix.length) + suffix;
		if (!taken.has(candidate)) return candidate;
	}
}

/** Reads the stored text: readable entries (names made unique, in order), and the rest kept as they are. */
function parseStore(text: string | null): Stored {
	const stored: Stored = { list: [], unreadable: [], renamed: [] };
	if (text === null) return stored;
	let entries: unknown;
	try {
		entries = JSON.parse(text);
	} catch {
		stored.unreadable.push({ raw: text, problems: [{ field: '', code: 'json' }] });
		return stored;
	}
	if (!Array.isArray(entries)) {
		stored.unreadable.push({ raw: entries, problems: [{ field: '', code: 'notObject', value: describeValue(entries) }] });
		return stored;
	}
	const read = entries.map(readEntry);
	// Names are the list's keys. Legacy duplicates (saved before names were unique) are renamed,
	// never thrown at the user: an entry keeps its name when it is the first with it.
	const taken = new Set(read.flatMap((e) => ('scenario' in e ? [e.name] : [])));
	const seen = new Set<string>();
	for (const e of read) {
		if (!('scenario' in e)) stored.unreadable.push(e);
		else if (!seen.has(e.name)) {
			seen.add(e.name);
			stored.list.push(e);
		} else {
			const to = freeName(e.name, taken);
			taken.add(to);
			seen.add(to);
			stored.renamed.push({ from: e.name, to });
			stored.list.push({ ...e, name: to });
		}
	}
	return stored;
}

/**
 * Named scenarios kept in the browser (localStorage), surviving reloads. The list always shows
 * what is stored: every change reads the store afresh (another tab may have saved), writes, and
 * only then updates the list, so a write the browser refuses (a full quota) changes nothing.
 * Entries that cannot be read are kept in the store as they are and reported, to export or delete.
 */
export class SavedScenarios {
	list = $state<SavedScenario[]>([]);
	unreadable = $state.raw<UnreadableEntry[]>([]);
	renamed = $state.raw<Renamed[]>([]);
	/** Set when the browser does not let the page read its storage (a setting, some private modes). */
	storageError = $state<string | null>(null);
	readonly #storage: () => Storage;

	constructor(storage: () => Storage = () => localStorage) {
		this.#storage = storage;
		this.reload();
	}

	/** Reads the store again (after another tab changed it). */
	reload(): void {
		const stored = this.#read();
		if (stored) this.#show(stored);
	}

	/** Saves under `name`; an existing name is replaced only with `replace` (otherwise: reason 'exists'). */
	save(name: string, scenario: Scenario, options: { replace?: boolean } = {}): StoreResult {
		const clean = name.trim().slice(0, NAME_MAX);
		if (!clean) return { ok: false, reason: 'name' };
		const entry: SavedScenario = { name: clean, scenario: $state.snapshot(scenario) as Scenario, savedAt: new Date().toISOString() };
		return this.#change((stored) => {
			const exists = stored.list.some((s) => s.name === clean);
			if (exists && !options.replace) return { ok: false, reason: 'exists', name: clean };
			if (!exists && stored.list.length >= MAX_SAVED) return { ok: false, reason: 'full', max: MAX_SAVED };
			stored.list = [entry, ...stored.list.filter((s) => s.name !== clean)];
			return { ok: true, name: clean };
		});
	}

	remove(name: string): StoreResult {
		return this.#change((stored) => {
			stored.list = stored.list.filter((s) => s.name !== name);
			return { ok: true };
		});
	}

	/** Deletes the entries that could not be read (the user asked, having been able to export them). */
	removeUnreadable(): StoreResult {
		return this.#change((stored) => {
			stored.unreadable = [];
			return { ok: true };
		});
	}

	#read(): Stored | null {
		try {
			const stored = parseStore(this.#storage().getItem(KEY));
			this.storageError = null;
			return stored;
		} catch (e) {
			this.storageError = e instanceof Error ? e.message : String(e);
			return null;
		}
	}

	#show(stored: Stored): void {
		this.list = stored.list;
		this.unreadable = stored.unreadable;
		this.renamed = stored.renamed;
	}

	/** Read, change, write; the list follows the store only once the write has succeeded. */
	#change(edit: (stored: Stored) => StoreResult): StoreResult {
		const stored = this.#read();
		if (!stored) return { ok: false, reason: 'storage', quota: false, detail: this.storageError ?? '' };
		this.#show(stored);
		const result = edit(stored);
		if (!result.ok) return result;
		let text: string;
		try {
			text = JSON.stringify([...stored.list, ...stored.unreadable.map((u) => u.raw)]);
			this.#storage().setItem(KEY, text);
		} catch (e) {
			const quota = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
			return { ok: false, reason: 'storage', quota, detail: e instanceof Error ? e.message : String(e) };
		}
		// What is stored now (unreadable entries keep their content, after the readable ones).
		this.#show(parseStore(text));
		return result;
	}
}
