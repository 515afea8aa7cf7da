/**
 * The engine's public API: the only module the CLI and the site import. Pure TypeScript that runs
 * unchanged in the browser and in Node.
 */
export { parseInput } from './parse-input.ts';
export { findSecrets, maskCredential, maskKnownSecrets, maskSecrets, redactText, type MaskOptions } from './redact.ts';
export { checkPaste, matchEvidence, type CheckInput, type CheckResult, type SharedConfigShape } from './check-paste.ts';
export { compileRules } from './compile-rules.ts';
export { prepareIndex } from './prepare-rules.ts';
export { readRuleIndex, readRuleIndexData, type RuleIndexReading } from './read-rule-index.ts';
export type { Match, MatchedEvidence, Highlight } from './explain-match.ts';
export type { Suggestion } from './suggest-fix.ts';
export { listCheckNext, type CheckStep } from './check-next.ts';
export type { LintFinding, ConfigModel } from './lint-config.ts';
export type { LitellmVersion } from './read-version.ts';
export type { RuleIndex, RulePage, RulePageSource, RuleSignature, RuleClue, RuleFact, RuleFix, RuleCheckStep, RuleValueTest, RuleConfigChange } from './rule-index.ts';
export type * from './evidence.ts';
