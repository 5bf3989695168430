/**
 * A flat index of a form definition: every page and item by id, with where it sits (page,
 * container, enclosing repeating groups). The engine, the checks and the FHIR mapping all walk
 * the definition through it instead of recursing over the tree again.
 */
import type { FormDefinition, FormItem, FormPage } from '../schemas/intake.js';

/** Pages and items share one graph; a page's node id is `page:<id>` (item ids cannot hold `:`). */
export type NodeId = string;

export const pageNodeId = (pageId: string): NodeId => `page:${pageId}`;

export interface IndexedItem {
  item: FormItem;
  /** The page the item is on. */
  pageId: string;
  /** The node that contains it: a section or group item id, or the page node. */
  parent: NodeId;
  /** Repeating groups around the item, outermost first (not the item itself). */
  groups: readonly string[];
  /** Position in document order, for stable sorting. */
  order: number;
}

export interface FormIndex {
  definition: FormDefinition;
  pages: ReadonlyMap<string, FormPage>;
  items: ReadonlyMap<string, IndexedItem>;
  /** Items in document order. */
  itemIds: readonly string[];
  /** Direct children of each page node and container item. */
  children: ReadonlyMap<NodeId, readonly string[]>;
  /** Ids that appear more than once (the first occurrence is indexed). */
  duplicates: ReadonlyArray<{ id: string; path: string }>;
}

export function childItems(item: FormItem): readonly FormItem[] {
  return item.type === 'section' || item.type === 'group' ? item.items : [];
}

export function isContainer(item: FormItem): boolean {
  return item.type === 'section' || item.type === 'group';
}

/** Items that take no answer of their own. */
export function isAnswerless(item: FormItem): boolean {
  return item.type === 'section' || item.type === 'display';
}

export function indexForm(definition: FormDefinition): FormIndex {
  const pages = new Map<string, FormPage>();
  const items = new Map<string, IndexedItem>();
  const itemIds: string[] = [];
  const children = new Map<NodeId, string[]>();
  const duplicates: Array<{ id: string; path: string }> = [];
  let order = 0;

  const visit = (list: readonly FormItem[], pageId: string, parent: NodeId, groups: readonly string[], path: string) => {
    const own: string[] = [];
    children.set(parent, own);
    list.forEach((item, position) => {
      const itemPath = `${path}.items.${position}`;
      if (items.has(item.id)) {
        duplicates.push({ id: item.id, path: itemPath });
        return;
      }
      items.set(item.id, { item, pageId, parent, groups, order: order++ });
      itemIds.push(item.id);
      own.push(item.id);
      if (isContainer(item)) {
        visit(childItems(item), pageId, item.id, item.type === 'group' ? [...groups, item.id] : groups, itemPath);
      }
    });
  };

  definition.pages.forEach((page, position) => {
    if (pages.has(page.id)) {
      duplicates.push({ id: page.id, path: `pages.${position}` });
      return;
    }
    pages.set(page.id, page);
    visit(page.items, page.id, pageNodeId(page.id), [], `pages.${position}`);
  });

  return { definition, pages, items, itemIds, children, duplicates };
}
