/**
 * A string per line, made on first use and kept (a line's lower-cased or normalised text). A
 * large paste has few of its lines tested, so they are kept in a Map until many are: an array
 * as long as a 10 MB log's 128k lines costs 0.37 ms to make, for a handful of entries.
 */
export class LineCache {
  readonly #make: (index: number) => string;
  readonly #length: number;
  #few: Map<number, string> | undefined;
  #many: (string | undefined)[] | undefined;

  constructor(length: number, make: (index: number) => string) {
    this.#make = make;
    this.#length = length;
  }

  /** The string of line `index`, made once. */
  at(index: number): string {
    let many = this.#many;
    if (many === undefined && this.#length <= MANY_LINES) many = this.#many = new Array<string | undefined>(this.#length);
    if (many !== undefined) return (many[index] ??= this.#make(index));
    const few = (this.#few ??= new Map<number, string>());
    let text = few.get(index);
    if (text === undefined) {
      text = this.#make(index);
      few.set(index, text);
      if (few.size >= MANY_LINES) this.#spread(few);
    }
    return text;
  }

  // Past this many entries, a line's entry is read from an array: a Map lookup costs more, and
  // the array costs less than the entries already made.
  #spread(few: Map<number, string>): void {
    const many = new Array<string | undefined>(this.#length);
    for (const [index, text] of few) many[index] = text;
    this.#many = many;
    this.#few = undefined;
  }
}

// How many entries a Map holds before they move to an array, and the lines of a paste small
// enough to start with one.
const MANY_LINES = 4096;
