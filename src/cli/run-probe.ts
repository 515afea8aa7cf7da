import { checkPaste, type CheckResult } from '../engine/index.ts';
import { readTextFile, type CliIo } from './cli-io.ts';
import { describeResult } from './describe-result.ts';
import { ExitCode, type ExitCodeValue } from './exit-codes.ts';
import { renderJson, toJsonDiagnosis } from './format-json.ts';
import { isColorWanted, renderText, type Block } from './format-text.ts';
import { loadIndex } from './load-index.ts';
import type { CommandLine } from './parse-args.ts';
import { buildTranscript } from './probe/build-transcript.ts';
import { formatMs } from './probe/describe-connect-error.ts';
import { probeGateway, type ProbeRun, type ProbeStep } from './probe/probe-gateway.ts';
import type { HeaderPair } from './probe/send-request.ts';
import { reportUsage } from './report-usage.ts';

/** The endpoint to call and the headers the URL form implies. */
export interface ProbeTarget {
  url: URL;
  headers: HeaderPair[];
}

/**
 * Resolves `<url>` and `--server`: the proxy root plus a server name becomes LiteLLM's per-server
 * endpoint `/<server>/mcp`; the aggregate `/mcp` endpoint plus a server name keeps the URL and scopes
 * the call with `x-mcp-servers`, which LiteLLM reads to pick servers on `/mcp`.
 */
export function resolveTarget(url: string, server: string | undefined): ProbeTarget {
  const target = new URL(url);
  if (server === undefined) return { url: target, headers: [] };
  const path = target.pathname.replace(/\/+$/, '');
  if (/\/mcp$/.test(path)) return { url: target, headers: [{ name: 'x-mcp-servers', value: server }] };
  target.pathname = `${path}/${encodeURIComponent(server)}/mcp`;
  return { url: target, headers: [] };
}

/**
 * `mcpfix probe`: runs the MCP handshake and tool listing against a gateway, follows OAuth
 * discovery when pointed to it, and diagnoses the answers with the same engine as `check`, from a
 * `curl -si`-style transcript of every exchange. Exit 0 healthy, 1 a problem found, 2 usage error,
 * 3 could not connect.
 */
export async function runProbe(command: CommandLine & { kind: 'probe' }, io: CliIo): Promise<ExitCodeValue> {
  let config: string | undefined;
  if (command.config !== undefined) {
    const read = readTextFile(command.config, '--config');
    if (read.kind === 'unreadable') return reportUsage(io, 'mcpfix probe', read.reason);
    config = read.text;
  }
  const envKey = io.env.LITELLM_API_KEY;
  const key = command.key ?? (envKey !== undefined && envKey.trim() !== '' ? envKey.trim() : undefined);

  const loaded = await loadIndex();
  if (loaded.kind === 'failed') {
    io.stderr.write(`mcpfix probe: ${loaded.reason}\n`);
    return ExitCode.internal;
  }
  for (const warning of loaded.warnings) io.stderr.write(`mcpfix probe: warning: ${warning}\n`);

  const target = resolveTarget(command.url, command.server);
  const run = await probeGateway({
    target: target.url,
    ...(key !== undefined ? { key } : {}),
    headers: [...target.headers, ...command.headers],
    timeoutMs: command.timeoutMs,
  });

  if (run.unreachable) {
    if (command.isJson) {
      io.stdout.write(renderJson({ target: target.url.href, healthy: false, unreachable: run.unreachable, steps: run.steps.map(toJsonStep), matches: [], suggestions: [] }));
    }
    io.stderr.write(`mcpfix probe: could not connect to ${target.url.href}: ${run.unreachable.reason}\n`);
    return ExitCode.unreachable;
  }

  const transcript = buildTranscript(run.exchanges, run.originChecks);
  const result = checkPaste(loaded.index, { paste: transcript, ...(config !== undefined ? { config } : {}) });
  const isHealthy = run.steps.every((step) => step.isOk) && (run.tools?.length ?? 0) > 0 && result.verdict !== 'confident';

  if (command.isJson) {
    io.stdout.write(
      renderJson({
        target: target.url.href,
        healthy: isHealthy,
        ...(run.tools !== undefined ? { toolCount: run.tools.length } : {}),
        steps: run.steps.map(toJsonStep),
        ...toJsonDiagnosis(result),
        transcript,
      }),
    );
  } else {
    io.stdout.write(renderText(describeProbe(run, result, isHealthy, command.timeoutMs, key !== undefined), isColorWanted(io.stdout, io.env)));
  }
  return isHealthy ? ExitCode.ok : ExitCode.problem;
}

function toJsonStep(step: ProbeStep): { name: string; request: string; status: number | null; ok: boolean; detail: string } {
  return { name: step.name, request: step.request, status: step.status, ok: step.isOk, detail: step.detail };
}

function describeProbe(run: ProbeRun, result: CheckResult, isHealthy: boolean, timeoutMs: number, hasKey: boolean): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: `Probing ${run.target.href}` }];
  if (!hasKey) blocks.push({ kind: 'bullet', tone: 'warn', text: 'no key: give --key or set LITELLM_API_KEY to send x-litellm-api-key' });
  blocks.push({ kind: 'blank' });
  for (const step of run.steps) {
    const status = step.status === null ? 'no answer' : `${step.status} ${step.statusText}`.trim();
    blocks.push({ kind: 'step', isOk: step.isOk, name: `${step.name}  ${step.request}`, status, ...(step.detail ? { detail: step.detail } : {}) });
  }
  blocks.push({ kind: 'blank' });
  if (isHealthy) {
    const count = run.tools?.length ?? 0;
    blocks.push({ kind: 'verdict', tone: 'good', text: `healthy: ${count} tool${count === 1 ? '' : 's'}` });
    return blocks;
  }
  const failed = run.steps.find((step) => !step.isOk);
  const summary = failed
    ? `problem found at ${failed.name}: ${(failed.detail.split('\n')[0] ?? '') || (failed.status === null ? `no answer within ${formatMs(timeoutMs)}` : `${failed.status}`)}`
    : 'problem found: the answers match a known failure';
  blocks.push({ kind: 'verdict', tone: 'bad', text: summary });
  blocks.push({ kind: 'blank' });
  blocks.push(...describeResult(result));
  return blocks;
}
