import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/engine/parse-input.ts';

describe('Python tracebacks', () => {
  it('flattens a nested ExceptionGroup: each sub-exception with its depth and its own frames', () => {
    const paste = [
      '  + Exception Group Traceback (most recent call last):',
      '  |   File "<stdin>", line 1, in <module>',
      '  | ExceptionGroup: many (2 sub-exceptions)',
      '  +-+---------------- 1 ----------------',
      '    | ValueError: 1',
      '    +---------------- 2 ----------------',
      '    | Exception Group Traceback (most recent call last):',
      '    |   File "<stdin>", line 3, in f',
      '    | ExceptionGroup: nested (1 sub-exception)',
      '    +-+---------------- 1 ----------------',
      '      | Traceback (most recent call last):',
      '      |   File "/x/anyio/_backends/_asyncio.py", line 736, in task',
      '      | anyio.ClosedResourceError',
      '      +------------------------------------',
    ].join('\n');
    const evidence = parseInput({ paste });
    expect(evidence.exceptions.map((exception) => [exception.type, exception.message, exception.depth, exception.frames.length, exception.line])).toEqual([
      ['ExceptionGroup', 'many (2 sub-exceptions)', 0, 1, 3],
      ['ValueError', '1', 1, 0, 5],
      ['ExceptionGroup', 'nested (1 sub-exception)', 1, 1, 9],
      ['anyio.ClosedResourceError', '', 2, 1, 13],
    ]);
    expect(evidence.lines.toArray().every((line) => line.place === 'traceback')).toBe(true);
  });

  it('reads an ExceptionGroup that follows a plain traceback through "During handling"', () => {
    const paste = [
      'Traceback (most recent call last):',
      '  File "/app/a.py", line 10, in run',
      'KeyError: \'session\'',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      '  + Exception Group Traceback (most recent call last):',
      '  |   File "/app/b.py", line 20, in serve',
      '  | BaseExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)',
      '  +-+---------------- 1 ----------------',
      '    | mcp.shared.exceptions.McpError: Session terminated',
      '    +------------------------------------',
      'INFO:     127.0.0.1:1 - "POST /mcp HTTP/1.1" 500 Internal Server Error',
    ].join('\n');
    const evidence = parseInput({ paste });
    expect(evidence.exceptions.map((exception) => `${exception.depth}:${exception.type}:${exception.message}`)).toEqual([
      "0:KeyError:'session'",
      '0:BaseExceptionGroup:unhandled errors in a TaskGroup (1 sub-exception)',
      '1:mcp.shared.exceptions.McpError:Session terminated',
    ]);
    expect(evidence.lines.toArray().at(-1)?.place).toBe('log');
  });

  it('reads a traceback whose header is indented inside a Markdown quote or list', () => {
    const evidence = parseInput({ paste: '    Traceback (most recent call last):\n      File "/a.py", line 1, in f\n        x()\n    RuntimeError: boom\n' });
    expect(evidence.exceptions).toEqual([{ input: 'paste', line: 4, type: 'RuntimeError', message: 'boom', frames: [{ input: 'paste', line: 2, file: '/a.py', fileLine: 1, function: 'f' }], depth: 0 }]);
  });

  it('reads a lone exception line after a log line as log, and a lone one elsewhere as traceback', () => {
    const evidence = parseInput({ paste: 'ERROR:LiteLLM:failed\nhttpcore.ConnectError: All connection attempts failed\n\nasyncio.exceptions.CancelledError' });
    expect(evidence.lines.toArray().map((line) => line.place)).toEqual(['log', 'log', 'traceback']);
    expect(evidence.exceptions.map((exception) => exception.type)).toEqual(['httpcore.ConnectError', 'asyncio.exceptions.CancelledError']);
  });

  it('ends a traceback cut off mid-frame without losing the frames or throwing', () => {
    const evidence = parseInput({ paste: 'Traceback (most recent call last):\n  File "/a.py", line 1, in f\n    x()\n  File "/b.py", line' });
    expect(evidence.exceptions).toEqual([]);
    expect(evidence.lines.toArray().map((line) => line.place)).toEqual(['traceback', 'traceback', 'traceback', 'traceback']);
  });
});
