/**
 * What saving a figure needs — its CSV, SVG and PNG — in one module that ChartFrame loads only when
 * one of its buttons is used (`loadExportTools` in figure-exports.svelte.ts): a page's first view
 * carries none of it (issue #14: initial JS on a village phone).
 */
export { downloadPng, downloadSvg, framedImage, svgImage, tiledImage } from './export-image';
export { barListImage } from './bar-list-image';
export { downloadCsv, exportTable } from './csv-download';
