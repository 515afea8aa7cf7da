/**
 * The evidence the checker parses out of a paste: the one data structure between parsing and
 * matching. Everything here is plain data; line numbers are 1-based lines of the paste (or of the
 * separate config text, for config evidence).
 */
import type { LineStore } from './line-store.ts';

/** Where in a paste a piece of text was seen (mirrors the page schema's places). */
export type Place = 'status-line' | 'header' | 'body' | 'log' | 'traceback' | 'client' | 'config' | 'request' | 'any';

/** Which input a line came from: the paste itself or the config given beside it. */
export type InputName = 'paste' | 'config';

/** A position in the input, for explanations and highlighting. */
export interface Origin {
  /** Which input. */
  input: InputName;
  /** 1-based line number in that input. */
  line: number;
}

/** One non-empty line of the input, tagged with the place the parser decided it belongs to. */
export interface TaggedLine extends Origin {
  /** The line as pasted (not redacted: matching needs the real text; callers redact what they show). */
  text: string;
  /** Where the line sits. */
  place: Place;
}

/** One header of a request or a response. */
export interface HeaderLine extends Origin {
  /** Lower-cased header name. */
  name: string;
  /** The value as pasted. */
  value: string;
}

/** One event of a server-sent-events body (streamable HTTP answers with these). */
export interface SseEvent extends Origin {
  /** The `event:` field, when present. */
  event?: string;
  /** The joined `data:` lines. */
  data: string;
  /** `data` parsed as JSON when it is JSON. */
  json?: unknown;
}

/** A response body, as far as it could be understood. */
export type ResponseBody =
  | ({ kind: 'json'; value: unknown } & Origin)
  | ({ kind: 'sse'; events: SseEvent[] } & Origin)
  | ({ kind: 'text'; text: string } & Origin);

/** An HTTP response found in the paste (curl -si / -v output, or a client's rendering of one). */
export interface HttpResponse extends Origin {
  /** `HTTP/1.1`, `HTTP/2`… (empty when only a status was seen). */
  httpVersion: string;
  /** The status code. */
  status: number;
  /** The reason phrase, possibly empty. */
  reason: string;
  /** Headers in order, repeated ones kept. */
  headers: HeaderLine[];
  /** The body, when one followed. */
  body?: ResponseBody;
}

/** A request the user sent: a curl command line, curl -v `>` lines, or a client config's headers. */
export interface HttpRequest extends Origin {
  /** The method, when known. */
  method?: string;
  /** The full URL, when known. */
  url?: string;
  /** The URL path (`/github/mcp`). */
  path?: string;
  /** The MCP server name the path points at (`github` for `/github/mcp` or `/mcp/github`). */
  serverName?: string;
  /** Headers sent, in order. */
  headers: HeaderLine[];
  /** The request body, parsed as JSON when it is JSON. */
  body?: unknown;
  /**
   * What the request was read from. Only `curl-command`, `curl-verbose`, `client-command` and
   * `client-config` list the headers that were sent; an `access-log` request shows none, so a
   * header missing from it says nothing about what was sent.
   */
  source?: 'curl-command' | 'curl-verbose' | 'client-command' | 'client-config' | 'access-log';
}

/** A status code seen anywhere: a status line, a uvicorn access line, a client's `(HTTP 500)`. */
export interface StatusSeen extends Origin {
  /** The status code. */
  status: number;
  /** What kind of line it came from. */
  from: 'status-line' | 'access-log' | 'client' | 'text';
}

/** A JSON value found anywhere: a body, an SSE frame, JSON inside a log line. */
export interface JsonSeen extends Origin {
  /** The parsed value. */
  value: unknown;
}

/** One frame of a Python traceback. */
export interface TracebackFrame extends Origin {
  /** The file path as printed. */
  file: string;
  /** The line number in that file. */
  fileLine: number;
  /** The function name. */
  function: string;
}

/** A Python exception: from a traceback's last line, a log line, or inside an ExceptionGroup. */
export interface PythonException extends Origin {
  /** The type as printed, dotted (`httpx.ConnectError`, `ExceptionGroup`). */
  type: string;
  /** The message after the colon. */
  message: string;
  /** The traceback frames that led to it, outermost first (empty when only the line was seen). */
  frames: TracebackFrame[];
  /** How deep inside ExceptionGroups it sits (0 = top level). */
  depth: number;
}

/** One `mcp_servers` entry from a config. */
export interface ServerConfig extends Origin {
  /** The key under `mcp_servers`. */
  name: string;
  /** Its fields as parsed. */
  fields: Record<string, unknown>;
}

/** A `config.yaml` (whole or an excerpt) found in the paste or given beside it. */
export interface ConfigDocument extends Origin {
  /** The YAML text exactly as given, for patching with comments and order kept. */
  source: string;
  /** The parsed document. */
  value: unknown;
  /** Its `mcp_servers` entries. */
  servers: ServerConfig[];
}

/** Everything the parser found in a paste (and its config). */
export interface Evidence {
  /**
   * Every non-empty line, tagged with its place: the paste's lines in ascending order, then the
   * config's (the view finds a line by binary search on this order). Held as parallel arrays, not
   * one object per line (see line-store.ts).
   */
  lines: LineStore;
  /** Responses, in order of appearance. */
  responses: HttpResponse[];
  /** Requests, in order of appearance. */
  requests: HttpRequest[];
  /** Every status code seen. */
  statuses: StatusSeen[];
  /** Every JSON value seen (response bodies, SSE frames, JSON in logs). */
  json: JsonSeen[];
  /** Python exceptions, ExceptionGroups flattened (each sub-exception its own entry). */
  exceptions: PythonException[];
  /** Configs, from the paste and from the separate config input. */
  configs: ConfigDocument[];
  /** Parser notes the user should see (e.g. "the YAML at line 12 does not parse: …"). */
  notes: string[];
  /**
   * How many characters of each paste line (0-based index) were read past as a lead-in every line
   * shared (a `> ` quote, an indentation: parse/shared-line-prefix.ts); absent when none was.
   * Offsets into the paste's lines are the stored text's; adding this gives the user's own.
   */
  pasteLeadIns?: readonly number[];
}
