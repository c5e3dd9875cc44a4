/**
 * Where store.ts keeps an import: its folder in OPFS (also the name of its IndexedDB database) and
 * its description's file. A module of its own so that the layout can look for a kept import
 * (dataset-switch.svelte.ts) without loading the store.
 */
export const STORE_DIR = 'ggs-import';
export const STORE_META = 'meta.json';
