/**
 * Compiles validated pages into the rule index the matcher reads: pure data in, pure data out.
 * Text facts are folded to the normalised form here, once, so matching only has to normalise the
 * paste.
 */
import { normalizeForMatch } from './normalize.ts';
import type { RuleClue, RuleFact, RuleFix, RuleIndex, RulePage, RulePageSource, RuleSignature, RuleValueTest } from './rule-index.ts';

/** Turns validated pages into the compiled rule index, pages sorted by id. */
export function compileRules(pages: readonly RulePageSource[]): RuleIndex {
  const compiled = pages.map(compilePage).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: 1, pages: compiled };
}

function compilePage(page: RulePageSource): RulePage {
  const out: RulePage = {
    id: page.id,
    title: page.title,
    summary: page.summary,
    area: page.area,
    hop: page.hop,
    status: page.status,
    retired: page.retired,
    url: `/errors/${page.id}/`,
    relatedErrors: [...page.relatedErrors],
    signatures: page.signatures.map(compileSignature),
    clues: page.clues.map(compileClue),
    fixes: page.fixes.map(compileFix),
  };
  if (page.affects && page.affects.length > 0) out.affects = page.affects.map((affected) => ({ versions: affected.versions }));
  if (page.fixedIn) out.fixedIn = withoutUndefined({ version: page.fixedIn.version, pr: page.fixedIn.pr });
  return out;
}

function compileSignature(signature: RuleSignature): RuleSignature {
  return {
    id: signature.id,
    text: signature.text,
    where: signature.where,
    facts: signature.facts.map(compileFact),
    weight: signature.weight,
  };
}

function compileClue(clue: RuleClue): RuleClue {
  return { fact: compileFact(clue.fact), weight: clue.weight, says: clue.says };
}

/** Copies a fact, dropping unset keys and folding text literals to the form `normalizeForMatch` gives. */
export function compileFact(fact: RuleFact): RuleFact {
  switch (fact.kind) {
    case 'text':
      return withoutUndefined({ kind: 'text', text: normalizeForMatch(fact.text), in: fact.in ? [...fact.in] : undefined });
    case 'pattern':
      return withoutUndefined({ kind: 'pattern', pattern: fact.pattern, in: fact.in ? [...fact.in] : undefined });
    case 'status':
      return { kind: 'status', status: Array.isArray(fact.status) ? [...fact.status] : fact.status };
    case 'header':
    case 'request-header':
      return withoutUndefined({ kind: fact.kind, name: fact.name.toLowerCase(), value: fact.value, absent: fact.absent });
    case 'json':
      return { kind: 'json', path: fact.path, test: compileTest(fact.test) };
    case 'exception':
      return withoutUndefined({ kind: 'exception', type: fact.type, message: fact.message });
    case 'server-config': {
      const fields: Record<string, RuleValueTest> = {};
      for (const key of Object.keys(fact.fields).sort()) {
        const test = fact.fields[key];
        if (test) fields[key] = compileTest(test);
      }
      return { kind: 'server-config', fields };
    }
    case 'config':
      return { kind: 'config', path: fact.path, test: compileTest(fact.test) };
  }
}

function compileTest(test: RuleValueTest): RuleValueTest {
  return withoutUndefined({ ...test });
}

function compileFix(fix: RuleFix): RuleFix {
  switch (fix.kind) {
    case 'config':
      return withoutUndefined({
        kind: 'config',
        title: fix.title,
        note: fix.note,
        changes: fix.changes.map((change) => withoutUndefined({ op: change.op, path: change.path, value: change.value })),
      });
    case 'env':
      return withoutUndefined({ kind: 'env', title: fix.title, note: fix.note, name: fix.name, value: fix.value });
    case 'upgrade':
      return withoutUndefined({ kind: 'upgrade', title: fix.title, note: fix.note, version: fix.version, pr: fix.pr });
    case 'workaround':
      return withoutUndefined({ kind: 'workaround', title: fix.title, note: fix.note });
    case 'client':
      return withoutUndefined({ kind: 'client', title: fix.title, note: fix.note, client: fix.client });
  }
}

// The index is JSON: keys set to undefined would only bloat the source and break deep equality.
function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
