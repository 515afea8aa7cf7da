/**
 * The lines of a paste (and its config) held as parallel arrays: one text array, one byte per
 * line for its place and one integer for its line number, instead of one object per line. A
 * paste of five million short lines then costs tens of megabytes, not hundreds, and the garbage
 * collector has five arrays to trace instead of five million objects.
 */
import type { InputName, Place, TaggedLine } from './evidence.ts';
import { joinLines, startsOfJoined, type JoinedLines } from './joined-lines.ts';

/** Every place, in the order of their one-byte codes (`any`, the untagged place, is 0). */
export const PLACES: readonly Place[] = ['any', 'status-line', 'header', 'body', 'log', 'traceback', 'client', 'config', 'request'];

/** The one-byte code of a place (see `PLACES`). */
export function placeCode(place: Place): number {
  // A switch, not a Map: the parser asks once per line, and a Map lookup hashes the string each time.
  switch (place) {
    case 'status-line':
      return 1;
    case 'header':
      return 2;
    case 'body':
      return 3;
    case 'log':
      return 4;
    case 'traceback':
      return 5;
    case 'client':
      return 6;
    case 'config':
      return 7;
    case 'request':
      return 8;
    default:
      return 0;
  }
}

/** The parts a store is built from: parallel arrays of the same length, the paste's lines first. */
export interface LineStoreParts {
  /** The texts. */
  texts: string[];
  /** The place code of each line (see `PLACES`). */
  places: Uint8Array;
  /** The 1-based line number of each line in its input; undefined when each is its index + 1 (no blank line before the last kept one). */
  numbers: Int32Array | undefined;
  /** How many of the lines, from the first, are the paste's; the rest are the config's. */
  pasteCount: number;
  /**
   * The paste's lines already joined by line feeds, when the paste itself is that text (it has no
   * CR and lost no blank line before its last kept one): `joinedPaste` then only finds the starts.
   */
  pasteJoined?: string | undefined;
  /** Where each of the paste's lines starts in `pasteJoined`, when the parser already knows. */
  pasteStarts?: Int32Array | undefined;
}

/**
 * Non-blank lines of the paste, then of the config, each part in ascending line order (binary
 * search relies on it). Read by index; `at` makes a line object for the few lines an answer shows.
 */
export class LineStore {
  /** How many lines. */
  readonly length: number;
  /** How many of the lines, from the first, are the paste's. */
  readonly pasteCount: number;
  readonly #texts: string[];
  readonly #places: Uint8Array;
  readonly #numbers: Int32Array | undefined;
  readonly #pasteStarts: Int32Array | undefined;
  #joinedPaste: JoinedLines | undefined;
  /** The paste's lines joined by line feeds as given (see `LineStoreParts.pasteJoined`), if known. */
  readonly pasteJoined: string | undefined;

  constructor(parts: LineStoreParts) {
    this.#texts = parts.texts;
    this.#places = parts.places;
    this.#numbers = parts.numbers;
    this.length = parts.texts.length;
    this.pasteCount = Math.min(parts.pasteCount, this.length);
    this.pasteJoined = parts.pasteJoined;
    this.#pasteStarts = parts.pasteStarts;
  }

  /** The text of line `index` ('' past the end). */
  textAt(index: number): string {
    return this.#texts[index] ?? '';
  }

  /** The place code of line `index` (see `PLACES`; 0 past the end). */
  placeCodeAt(index: number): number {
    return this.#places[index] ?? 0;
  }

  /** The place of line `index`. */
  placeAt(index: number): Place {
    return PLACES[this.#places[index] ?? 0] ?? 'any';
  }

  /** The 1-based line number of line `index` in its input. */
  lineAt(index: number): number {
    if (index < 0 || index >= this.length) return 0;
    return this.#numbers === undefined ? index + 1 : (this.#numbers[index] as number);
  }

  /** Which input line `index` came from. */
  inputAt(index: number): InputName {
    return index < this.pasteCount ? 'paste' : 'config';
  }

  /** Line `index` as an object (a new one each call), or undefined past the end. */
  at(index: number): TaggedLine | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return { input: this.inputAt(index), line: this.lineAt(index), text: this.textAt(index), place: this.placeAt(index) };
  }

  /** Every line as an object: for tests and small pastes, never on the matcher's path. */
  toArray(): TaggedLine[] {
    const lines = new Array<TaggedLine>(this.length);
    for (let index = 0; index < this.length; index++) lines[index] = this.at(index) as TaggedLine;
    return lines;
  }

  /**
   * The texts of the paste's lines, in order. The store's own array when it holds no config line
   * (callers must not change it), else a copy of its first part.
   */
  pasteTexts(): readonly string[] {
    return this.pasteCount === this.length ? this.#texts : this.#texts.slice(0, this.pasteCount);
  }

  /**
   * The paste's lines joined by line feeds, with where each starts: made once and shared by the
   * whole-paste scans (product markers, distinctive words) instead of each joining its own copy.
   */
  joinedPaste(): JoinedLines {
    this.#joinedPaste ??= this.pasteJoined !== undefined ? this.#startsIn(this.pasteJoined) : joinLines(this.pasteTexts());
    return this.#joinedPaste;
  }

  // The joined text given, with each paste line's start as given or worked out from the lines' lengths.
  #startsIn(text: string): JoinedLines {
    if (this.#pasteStarts !== undefined && this.#pasteStarts.length === this.pasteCount) return { text, starts: this.#pasteStarts };
    return { text, starts: startsOfJoined(this.#texts, this.pasteCount) };
  }

  /** Whether some line has the place. */
  hasPlace(place: Place): boolean {
    const code = placeCode(place);
    for (let index = 0; index < this.length; index++) if (this.#places[index] === code) return true;
    return false;
  }

  /** The index of the line with this input and line number (-1: none, e.g. a blank line). */
  findLine(input: InputName, line: number): number {
    let low = input === 'paste' ? 0 : this.pasteCount;
    let high = (input === 'paste' ? this.pasteCount : this.length) - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = this.lineAt(mid);
      if (at === line) return mid;
      if (at < line) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}

/** A store of the given line objects (tests and hand-made evidence): inputs in order, paste first. */
export function storeLines(lines: readonly TaggedLine[]): LineStore {
  const pasteCount = lines.findIndex((line) => line.input !== 'paste');
  return new LineStore({
    texts: lines.map((line) => line.text),
    places: Uint8Array.from(lines, (line) => placeCode(line.place)),
    numbers: Int32Array.from(lines, (line) => line.line),
    pasteCount: pasteCount < 0 ? lines.length : pasteCount,
  });
}

/** A store with no lines. */
export function emptyLineStore(): LineStore {
  return new LineStore({ texts: [], places: new Uint8Array(0), numbers: new Int32Array(0), pasteCount: 0 });
}
