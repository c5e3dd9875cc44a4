/**
 * The model's version: what a scenario link or file, a stored report and the model check's
 * references were made with. Bump it whenever the model's outputs change for the same options
 * (a mechanism, a default parameter, a preset, a fix), with an entry in sim/CHANGELOG.md saying
 * what changed in the outputs and why; `npm run sim:check` fails until both are done (see
 * sim/MODEL.md §8.1). A pure refactor that changes no output keeps the version.
 */
export const MODEL_VERSION = '3';
