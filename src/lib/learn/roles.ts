/**
 * The role cards for a role-play (issue #16): seven stakeholders, each with the sandbox scenario
 * its card opens (what that role would change) and the model-card places of what it watches.
 * Words: learn.role.<id>.{name,goals,change,watch} in the catalogues.
 */
import type { ScenarioSpec } from './lessons';

export interface Role {
	id: string;
	scenario: ScenarioSpec;
	/** Model-card anchors of the outcomes the role watches. */
	watch: readonly string[];
}

export const ROLES: readonly Role[] = [
	{ id: 'secretary', scenario: { preset: 'multi' }, watch: ['outcome-order', 'outcome-satisfaction', 'outcome-cost'] },
	{ id: 'department', scenario: { preset: 'multi', levers: { coordination: 1 } }, watch: ['outcome-days', 'outcome-closure', 'outcome-efficiency'] },
	{ id: 'cadre', scenario: { preset: 'multi', levers: { sinking: 1 } }, watch: ['outcome-days', 'outcome-satisfaction', 'outcome-cost'] },
	{ id: 'village', scenario: { preset: 'multi', levers: { participation: 1 } }, watch: ['outcome-vitality', 'outcome-consulted', 'outcome-colour'] },
	{ id: 'household', scenario: { preset: 'multi', levers: { participation: 1 }, structure: { targetedService: true } }, watch: ['outcome-vitality', 'outcome-order', 'outcome-cost'] },
	{ id: 'elderly', scenario: { preset: 'two-way', context: { digitalAccess: 0.9 } }, watch: ['outcome-equity', 'outcome-satisfaction'] },
	{ id: 'migrant', scenario: { preset: 'multi', context: { outMigration: 0.08 } }, watch: ['outcome-vitality', 'outcome-satisfaction', 'param-liaisonMigration'] }
];

/** The glossary's terms (learn.gloss.<id>.{term,def}), each with the model-card place that explains it, if any. */
export const GLOSSARY: readonly { id: string; card?: string }[] = [
	{ id: 'sanbenzhang', card: 'structure-feedback' },
	{ id: 'tiaokuai', card: 'param-handoffDelayWeeks' },
	{ id: 'integrated', card: 'lever-sinking' },
	{ id: 'coordinated', card: 'lever-coordination' },
	{ id: 'participatory', card: 'lever-participation' },
	{ id: 'modes', card: 'structure-topDownAssignment' },
	{ id: 'grid321', card: 'structure-liaisons' },
	{ id: 'colour', card: 'outcome-colour' },
	{ id: 'order', card: 'outcome-order' },
	{ id: 'vitality', card: 'outcome-vitality' },
	{ id: 'paired' },
	{ id: 'replicates' },
	{ id: 'formalism', card: 'param-formalismBase' },
	{ id: 'calibration' }
];
