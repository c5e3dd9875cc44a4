import { partition, stratify, type HierarchyRectangularNode } from 'd3';

export interface IcicleNode {
	id: string;
	parent: string | null;
	label: string;
	value: number;
	/** The unit's level ('town', 'village', 'grid1', …): names an aggregate of several. */
	level?: string;
}

/** One drawn cell: a node, or the aggregate of a parent's children too small to label. */
export interface IcicleCell {
	id: string;
	depth: number;
	x0: number;
	x1: number;
	y0: number;
	y1: number;
	value: number;
	label: string;
	/** For an aggregate: how many children, their level, whether they are all the parent's, and the parent. */
	others?: { count: number; level: string | undefined; all: boolean; parent: string };
}

/** Rows thinner than this (px) are not labelled, so they are gathered into one "N others" cell. */
export const MIN_ROW = 14;

/**
 * An icicle's cells: the partition of the tree under its root (the root's own column shifted out
 * of view), children ordered by value, largest first, and in each parent the children too thin to
 * label (under MIN_ROW px) gathered into one cell "N other …" spanning them (their own children
 * not drawn: they would be thinner still). Coordinates: x across the rows (0…height), y along the
 * levels (0…width).
 */
export function icicleCells(nodes: readonly IcicleNode[], width: number, height: number): { cells: IcicleCell[]; total: number } {
	if (!nodes.length) return { cells: [], total: 0 };
	const parents = new Set(nodes.map((n) => n.parent));
	const root = stratify<IcicleNode>()
		.id((d) => d.id)
		.parentId((d) => d.parent)([...nodes])
		.sum((d) => (parents.has(d.id) ? 0 : d.value))
		.sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.id! < b.id! ? -1 : 1));
	const column = width / Math.max(1, root.height);
	const laid = partition<IcicleNode>().size([height, width + column]).padding(1)(root);
	const cells: IcicleCell[] = [];
	const cell = (n: HierarchyRectangularNode<IcicleNode>): IcicleCell => ({
		id: n.data.id,
		depth: n.depth,
		x0: n.x0,
		x1: n.x1,
		y0: n.y0 - column,
		y1: n.y1 - column,
		value: n.value ?? 0,
		label: n.data.label
	});
	const visit = (n: HierarchyRectangularNode<IcicleNode>) => {
		const small: HierarchyRectangularNode<IcicleNode>[] = [];
		for (const c of n.children ?? []) {
			if (c.x1 - c.x0 >= MIN_ROW) {
				cells.push(cell(c));
				visit(c);
			} else small.push(c);
		}
		if (small.length === 1 && n.children!.length === 1) {
			cells.push(cell(small[0])); // an only child: drawn as it is, however thin
			visit(small[0]);
		} else if (small.length) {
			const first = cell(small[0]);
			cells.push({
				...first,
				id: `${n.data.id}~others`,
				x0: Math.min(...small.map((c) => c.x0)),
				x1: Math.max(...small.map((c) => c.x1)),
				value: small.reduce((s, c) => s + (c.value ?? 0), 0),
				label: '',
				others: { count: small.length, level: small[0].data.level, all: small.length === n.children!.length, parent: n.data.id }
			});
		}
	};
	visit(laid);
	return { cells, total: laid.value ?? 0 };
}

/** A label cut to fit `px` at about `em` px per character (Chinese 1 em, Latin about 0.58 em), with an ellipsis. */
export function fitLabel(text: string, px: number, em = 10.5): string {
	const w = (ch: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? em : em * 0.58);
	let used = 0;
	const chars = [...text];
	for (let i = 0; i < chars.length; i++) {
		used += w(chars[i]);
		if (used > px) return i === 0 ? '' : `${chars.slice(0, Math.max(0, i - 1)).join('')}…`;
	}
	return text;
}
