/**
 * The prepared index as the build stores it beside the rules (`RuleIndex.prepared`, the CLI's
 * rules file): the literals' prefilters, the word table and the facts' triggers, which preparing
 * the index otherwise works out at every start (prepare-rules.ts). What is cheap to redo from the
 * rules (numbering the facts, the word hash table, the pages of each fact) is not stored.
 *
 * The tables are only as right as the code that wrote them: they carry the fingerprint of the
 * prepare code the build ran (scripts/prepare-fingerprint.ts), and are read only by a caller that
 * holds the same fingerprint for the code it runs (the bundled CLI has it built in). Anything else
 * (another fingerprint, tables that do not fit the index, a damaged entry) reads as no tables, and
 * the index is prepared as without them.
 */
import type { FactTriggers, LiteralPrefilter } from './prepare-rules.ts';

/**
 * One literal's prefilters (`LiteralPrefilter`), by literal id. A field at its empty value (null,
 * 0, false) is left out: most literals have few of them.
 */
export interface StoredLiteral {
  /** Text facts: `PreparedLiteral.segments`. */
  segments?: string[];
  /** Word ids per alternative (`PreparedLiteral.branches`). */
  branches?: number[][];
  /** `PreparedLiteral.needles`. */
  needles?: string[];
  /** `PreparedLiteral.runBranches`. */
  runBranches?: string[][];
  /** `PreparedLiteral.minWordRun`. */
  minWordRun?: number;
  /** `PreparedLiteral.minSecondRun`. */
  minSecondRun?: number;
  /** `PreparedLiteral.minLength`. */
  minLength?: number;
  /** `PreparedLiteral.isLineLocal`, as 1. */
  isLineLocal?: 1;
}

/** The stored tables of a prepared index. */
export interface StoredPreparation {
  /** The fingerprint of the prepare code that wrote the tables. */
  fingerprint: string;
  /** How many distinct facts the index has (`PreparedIndex.factCount`). */
  factCount: number;
  /** Every literal's prefilters, by literal id (literals are numbered in the order of their fact ids). */
  literals: StoredLiteral[];
  /** `PreparedIndex.words`. */
  words: string[];
  /** `FactTriggers.literalsByWord`. */
  literalsByWord: number[][];
  /** `FactTriggers.literalsWithWords`. */
  literalsWithWords: number[];
  /** `FactTriggers.literalsAlways`. */
  literalsAlways: number[];
  /** `FactTriggers.byEvidenceKey`, as an object. */
  byEvidenceKey: Record<string, number[]>;
}

/**
 * The stored tables when they were written by the prepare code of `fingerprint` and are well
 * formed (every id within its table); null otherwise. Never throws.
 */
export function readStoredPreparation(value: unknown, fingerprint: string): StoredPreparation | null {
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Partial<Record<keyof StoredPreparation, unknown>>;
  if (stored.fingerprint !== fingerprint || fingerprint === '') return null;
  const { factCount, literals, words, literalsByWord, literalsWithWords, literalsAlways, byEvidenceKey } = stored;
  if (!isCount(factCount) || !Array.isArray(literals) || !isStrings(words) || !Array.isArray(literalsByWord) || literalsByWord.length !== words.length) return null;
  if (typeof byEvidenceKey !== 'object' || byEvidenceKey === null || Array.isArray(byEvidenceKey)) return null;
  const isFactIds = (list: unknown): boolean => isIdList(list, factCount);
  if (!literalsByWord.every(isFactIds) || !isFactIds(literalsWithWords) || !isFactIds(literalsAlways) || !Object.values(byEvidenceKey).every(isFactIds)) return null;
  if (!literals.every((literal) => isStoredLiteral(literal, words.length))) return null;
  return value as StoredPreparation;
}

/** A stored literal's prefilters in the form `PreparedLiteral` holds them. */
export function prefilterOfStored(literal: StoredLiteral): LiteralPrefilter {
  const prefilter: LiteralPrefilter = {
    branches: literal.branches ?? null,
    needles: literal.needles ?? null,
    runBranches: literal.runBranches ?? null,
    minWordRun: literal.minWordRun ?? 0,
    minSecondRun: literal.minSecondRun ?? 0,
    minLength: literal.minLength ?? 0,
    isLineLocal: literal.isLineLocal === 1,
  };
  if (literal.segments) prefilter.segments = literal.segments;
  return prefilter;
}

/** The stored triggers in the form `PreparedIndex.triggers` holds them. */
export function triggersOfStored(stored: StoredPreparation): FactTriggers {
  return {
    literalsByWord: stored.literalsByWord,
    literalsWithWords: stored.literalsWithWords,
    literalsAlways: stored.literalsAlways,
    byEvidenceKey: new Map(Object.entries(stored.byEvidenceKey)),
  };
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isIdList(value: unknown, size: number): boolean {
  if (!Array.isArray(value)) return false;
  for (const id of value) if (!Number.isInteger(id) || id < 0 || id >= size) return false;
  return true;
}

function isStoredLiteral(value: unknown, wordCount: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { segments, branches, needles, runBranches, minWordRun, minSecondRun, minLength, isLineLocal } = value as Record<keyof StoredLiteral, unknown>;
  return (
    (segments === undefined || isStrings(segments)) &&
    (branches === undefined || (Array.isArray(branches) && branches.every((branch) => isIdList(branch, wordCount)))) &&
    (needles === undefined || isStrings(needles)) &&
    (runBranches === undefined || (Array.isArray(runBranches) && runBranches.every(isStrings))) &&
    (minWordRun === undefined || isCount(minWordRun)) &&
    (minSecondRun === undefined || isCount(minSecondRun)) &&
    (minLength === undefined || isCount(minLength)) &&
    (isLineLocal === undefined || isLineLocal === 1)
  );
}
