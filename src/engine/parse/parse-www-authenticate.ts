/** A `WWW-Authenticate` challenge split into its scheme and its parameters. */
export interface WwwAuthenticate {
  /** The auth scheme as given (`Bearer`), empty when the value has none. */
  scheme: string;
  /** Parameters by lower-cased name, quotes removed (`resource_metadata`, `error`, `authorization_uri`…). */
  params: Record<string, string>;
}

/**
 * Parses one `WWW-Authenticate` value (RFC 9110 §11.6.1): a scheme followed by `name=value` or
 * `name="quoted value"` parameters separated by commas. Tolerates junk (unquoted URLs with commas
 * are cut at the comma, as a strict reader would). Only the first challenge is read. Never throws.
 */
export function parseWwwAuthenticate(value: string): WwwAuthenticate {
  const params: Record<string, string> = {};
  const text = value.length > 8192 ? value.slice(0, 8192) : value;
  let position = 0;
  const skipSpace = (): void => {
    while (position < text.length && (text[position] === ' ' || text[position] === '\t')) position++;
  };
  skipSpace();
  let scheme = '';
  const schemeMatch = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?=\s|$)/.exec(text.slice(position));
  if (schemeMatch) {
    const word = schemeMatch[0];
    // A bare `error="x"` start has no scheme: only take the first token when it is not a parameter.
    if (text[position + word.length] !== '=') {
      scheme = word;
      position += word.length;
    }
  }
  while (position < text.length) {
    skipSpace();
    while (text[position] === ',') {
      position++;
      skipSpace();
    }
    const nameMatch = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(text.slice(position, position + 200));
    if (!nameMatch) break;
    const name = nameMatch[0].toLowerCase();
    position += nameMatch[0].length;
    skipSpace();
    if (text[position] !== '=') {
      // token68 form (`Bearer abc==`) or a new challenge; a token68 has no parameters to report.
      continue;
    }
    position++;
    skipSpace();
    let parsed = '';
    if (text[position] === '"') {
      position++;
      while (position < text.length && text[position] !== '"') {
        if (text[position] === '\\' && position + 1 < text.length) position++;
        parsed += text[position];
        position++;
      }
      position++;
    } else {
      const start = position;
      while (position < text.length && text[position] !== ',' && text[position] !== ' ' && text[position] !== '\t') position++;
      parsed = text.slice(start, position);
    }
    if (!(name in params)) params[name] = parsed;
  }
  return { scheme, params };
}
