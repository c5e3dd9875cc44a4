import type { Shape } from './palette';

/** The outline of a symbol about 10 px across centred at (x, y), for series told apart by shape as well as colour. */
export function symbolPath(shape: Shape, x: number, y: number): string {
	if (shape === 'circle') return `M${x - 5},${y}a5,5 0 1,0 10,0a5,5 0 1,0 -10,0`;
	if (shape === 'square') return `M${x - 4.5},${y - 4.5}h9v9h-9z`;
	return `M${x},${y - 6}l6,6l-6,6l-6,-6z`;
}
