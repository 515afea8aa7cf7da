import { Document, isMap, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ConfigChange } from '../schemas/index.ts';

/** One change as a sentence, for readers and screen readers. */
export function describeChange(change: ConfigChange): string {
  const value = change.value === undefined ? '' : JSON.stringify(change.value);
  switch (change.op) {
    case 'set':
      return `Set ${change.path} to ${value}`;
    case 'add':
      return `Add ${value} to the list ${change.path}`;
    case 'remove':
      return change.value === undefined ? `Remove ${change.path}` : `Remove ${value} from the list ${change.path}`;
  }
}

function childMap(doc: Document, parent: YAMLMap, key: string): YAMLMap {
  const existing = parent.get(key, true);
  if (isMap(existing)) return existing;
  const created = new YAMLMap();
  parent.set(doc.createNode(key), created);
  return created;
}

function childSeq(doc: Document, parent: YAMLMap, key: string): YAMLSeq {
  const existing = parent.get(key, true);
  if (isSeq(existing)) return existing;
  const created = new YAMLSeq();
  parent.set(doc.createNode(key), created);
  return created;
}

/**
 * Renders a config fix's changes as one YAML excerpt of `config.yaml`, each edited line marked
 * with a comment saying set, add or remove. Built with the `yaml` library from the structured
 * change, so the excerpt is always valid YAML.
 */
export function renderChangesYaml(changes: readonly ConfigChange[]): string {
  const doc = new Document(new YAMLMap());
  const root = doc.contents as YAMLMap;
  for (const change of changes) {
    const segments = change.path.split('.');
    const leaf = segments.pop();
    if (leaf === undefined) continue;
    let parent = root;
    for (const segment of segments) parent = childMap(doc, parent, segment);
    if (change.op === 'set') {
      const key = new Scalar(leaf);
      key.commentBefore = ' set:';
      parent.items.push(new Pair(key, doc.createNode(change.value)));
    } else if (change.op === 'add') {
      const item = doc.createNode(change.value);
      item.commentBefore = ' add to the list:';
      childSeq(doc, parent, leaf).items.push(item);
    } else if (change.value !== undefined) {
      const item = doc.createNode(change.value);
      item.commentBefore = ' remove from the list:';
      childSeq(doc, parent, leaf).items.push(item);
    } else {
      const key = new Scalar(leaf);
      key.commentBefore = ' remove this key and its value:';
      parent.items.push(new Pair(key, new Scalar(null)));
    }
  }
  return doc.toString({ nullStr: '…' });
}
