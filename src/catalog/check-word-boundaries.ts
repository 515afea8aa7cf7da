/**
 * A build-time check for a word boundary that can never hold: `\b` between two word characters or
 * between two non-word characters, and `\B` between a word character and a non-word one. Such an
 * assertion makes its branch match nothing, and no test of the page notices when the branch is an
 * exclusion: the self-redirect page's `%2F%2F(?!localhost|\b127\.)` meant to skip loopback
 * callbacks, but no boundary can stand between the `F` and the `1`, so it skipped none and a
 * client's own 127.0.0.1 callback was answered "Very likely" on that page.
 *
 * Only neighbours that are one known character (`F`, `1`, `/`) or a class escape whose characters
 * are all of one kind (`\d`, `\w`, `\s`) are judged; anything else (a class, a quantified atom, the
 * start or end of the pattern) is unknown and passes. The start of a lookahead sees what precedes
 * it, and the end of a lookbehind what follows it, so those are looked through.
 */
import type { AST } from '@eslint-community/regexpp';
import { visitRegExpAST } from '@eslint-community/regexpp';
import { isWordCode } from '../engine/prepare-rules.ts';
import type { RegexProblem } from './check-regex-safety.ts';
import { parsePagePattern } from './parse-page-pattern.ts';

type Side = 'word' | 'non-word' | 'unknown';

/** The problems of one regex source: one per word-boundary assertion that can never hold. */
export function checkWordBoundaries(source: string): RegexProblem[] {
  const pattern = parsePagePattern(source);
  if (pattern === null) return []; // checkRegexSafety reports what does not parse.
  const problems: RegexProblem[] = [];
  visitRegExpAST(pattern, {
    onAssertionEnter(node) {
      if (node.kind !== 'word') return;
      const before = neighbour(node, -1);
      const after = neighbour(node, 1);
      if (before.side === 'unknown' || after.side === 'unknown') return;
      const isSameSide = before.side === after.side;
      if (isSameSide === node.negate) return;
      const between = `${before.text} and ${after.text}`;
      problems.push({
        kind: 'dead-word-boundary',
        reason: node.negate
          ? `${node.raw} between ${between} can never hold (one is a word character and the other is not), so that branch matches nothing; remove it`
          : `${node.raw} between ${between} can never hold (both are ${before.side} characters), so that branch matches nothing; remove it, or bound with (?<!\\d) / (?!\\d) or a character class`,
      });
    },
  });
  return problems;
}

// The character on one side of `node` (-1: before it, 1: after it), read through groups and
// through the edge of a lookahead (before) or a lookbehind (after).
function neighbour(node: AST.Node, direction: -1 | 1): { side: Side; text: string } {
  let current: AST.Node = node;
  for (let parent = current.parent; parent !== null; parent = current.parent) {
    if (parent.type === 'Alternative') {
      const at = parent.elements.indexOf(current as AST.Element) + direction;
      if (at >= 0 && at < parent.elements.length) return sideOf(parent.elements[at] as AST.Element);
      current = parent;
      continue;
    }
    const looksThrough =
      parent.type === 'Group' ||
      parent.type === 'CapturingGroup' ||
      (parent.type === 'Assertion' && ((parent.kind === 'lookahead' && direction === -1) || (parent.kind === 'lookbehind' && direction === 1)));
    if (!looksThrough) break;
    current = parent;
  }
  return { side: 'unknown', text: '' };
}

function sideOf(element: AST.Element): { side: Side; text: string } {
  if (element.type === 'Character') return { side: isWordCode(element.value) ? 'word' : 'non-word', text: JSON.stringify(String.fromCodePoint(element.value)) };
  if (element.type === 'CharacterSet' && (element.kind === 'digit' || element.kind === 'word' || element.kind === 'space') && !element.negate) {
    return { side: element.kind === 'space' ? 'non-word' : 'word', text: element.raw };
  }
  return { side: 'unknown', text: '' };
}
