/**
 * Household types of the county model. Shares and sizes are stated assumptions (no published
 * breakdown), chosen to reflect a mountain county with heavy working-age out-migration:
 * many migrant-worker families and left-behind elderly, a smaller vulnerable group.
 */
export const HOUSEHOLD_TYPES = ['working', 'migrant', 'elderly', 'vulnerable'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

/** Share of households of each type in villages and in urban communities. */
export const TYPE_SHARES = {
	village: [0.4, 0.32, 0.2, 0.08],
	community: [0.62, 0.18, 0.12, 0.08]
} as const;

/** Persons per household by type: possible sizes and their relative weights. */
export const TYPE_SIZES: Record<HouseholdType, { sizes: number[]; weights: number[] }> = {
	working: { sizes: [2, 3, 4, 5, 6], weights: [2, 4, 4, 2, 1] },
	migrant: { sizes: [2, 3, 4, 5, 6], weights: [1, 3, 4, 3, 1] },
	elderly: { sizes: [1, 2, 3], weights: [4, 5, 1] },
	vulnerable: { sizes: [1, 2, 3, 4], weights: [3, 3, 2, 1] }
};
