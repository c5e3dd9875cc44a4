import type { zh } from './zh';

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
