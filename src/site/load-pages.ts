import { getCollection, type CollectionEntry } from 'astro:content';
import type { Area } from '../schemas/index.ts';
import { AREA_LABELS } from './labels.ts';

/** One error page entry of the content collection. */
export type ErrorEntry = CollectionEntry<'errors'>;

/** A group of pages of one area, for the home page. */
export interface AreaGroup {
  /** The area. */
  area: Area;
  /** Its human name. */
  label: string;
  /** Its pages, current ones first, then by title. */
  pages: ErrorEntry[];
}

let cached: Promise<ErrorEntry[]> | undefined;

/** Loads every error page once per build, sorted by id (re-walking the collection per page is slow at scale). */
export function loadErrorPages(): Promise<ErrorEntry[]> {
  cached ??= getCollection('errors').then((entries) => [...entries].sort((a, b) => a.id.localeCompare(b.id)));
  return cached;
}

/** Groups pages by area, in the order of the area list; areas without pages are left out. */
export function groupByArea(pages: readonly ErrorEntry[]): AreaGroup[] {
  const areas = Object.keys(AREA_LABELS) as Area[];
  return areas
    .map((area) => ({
      area,
      label: AREA_LABELS[area],
      pages: pages
        .filter((page) => page.data.area === area)
        .sort((a, b) => Number(a.data.retired) - Number(b.data.retired) || a.data.title.localeCompare(b.data.title)),
    }))
    .filter((group) => group.pages.length > 0);
}
