/**
 * Compiles validated pages into the rule index the matcher reads: pure data in, pure data out.
 * Text facts are folded to the normalised form here, once, so matching only has to normalise the
 * paste.
 */
import { compileFact } from './fact-kinds/registry.ts';
import { withoutUndefined } from './fact-kinds/define-fact-kind.ts';
import type { ConfigModel } from './lint-config.ts';
import type { RuleClue, RuleFix, RuleIndex, RulePage, RulePageSource, RuleSignature } from './rule-index.ts';

export { compileFact };

/**
 * Turns validated pages (and the config model, when linting is wanted) into the compiled rule index,
 * pages sorted by id. The patterns' prefilter analysis is the build's to add
 * (`compileRulesAtBuild` in src/catalog/analyse-pattern.ts): an index without it matches the same,
 * but tests every pattern on every line and ranks every pattern as a loose one.
 */
export function compileRules(pages: readonly RulePageSource[], configModel?: ConfigModel): RuleIndex {
  const compiled = pages.map(compilePage).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return configModel ? { version: 1, pages: compiled, configModel } : { version: 1, pages: compiled };
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
  if (page.checkNext && page.checkNext.length > 0) out.checkNext = page.checkNext.map((step) => withoutUndefined({ title: step.title, note: step.note, command: step.command }));
  if (page.affects && page.affects.length > 0) out.affects = page.affects.map((affected) => ({ versions: affected.versions }));
  if (page.fixedIn) out.fixedIn = withoutUndefined({ version: page.fixedIn.version, pr: page.fixedIn.pr });
  return out;
}

function compileSignature(signature: RuleSignature): RuleSignature {
  return withoutUndefined({
    id: signature.id,
    text: signature.text,
    where: signature.where,
    // Kept so the checker can tell a client's message from LiteLLM's own (detect-product.ts).
    client: signature.client,
    facts: signature.facts.map((fact) => compileFact(fact)),
    weight: signature.weight,
    // Only when set: a reporter's words never make a page 'high' (rank-matches.ts). Last, so the
    // packed form's reader restores the compiled order (rule-index-format.ts unpackSignature).
    describes: signature.describes === true ? true : undefined,
  });
}

function compileClue(clue: RuleClue): RuleClue {
  return { fact: compileFact(clue.fact), weight: clue.weight, says: clue.says };
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
