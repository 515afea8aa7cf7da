import { checkPaste, type CheckResult } from '../engine/index.ts';
import { MAX_CONFIG_BYTES, readTextFile, type CliIo } from './cli-io.ts';
import { describeResult } from './describe-result.ts';
import { ExitCode, type ExitCodeValue } from './exit-codes.ts';
import { renderJson, toJsonDiagnosis } from './format-json.ts';
import { isColorWanted, renderText, type Block } from './format-text.ts';
import { loadIndex } from './load-index.ts';
import { checkKey, type CommandLine } from './parse-args.ts';
import { buildTranscript } from './probe/build-transcript.ts';
import { formatMs } from './probe/describe-connect-error.ts';
import { probeGateway, type ProbeRun, type ProbeStep } from './probe/probe-gateway.ts';
import type { HeaderPair } from './probe/send-request.ts';
import { reportUsage } from './report-usage.ts';
import { secretsOfInputs } from './run-check.ts';
import { createSafeText } from './safe-text.ts';
import { maskRequestHeader } from './probe/build-transcript.ts';

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
    const read = await readTextFile(command.config, '--config', MAX_CONFIG_BYTES);
    if (read.kind === 'unreadable') return reportUsage(io, 'mcpfix probe', read.reason);
    config = read.text;
  }
  const envKey = io.env.LITELLM_API_KEY;
  const key = command.key ?? (envKey !== undefined && envKey.trim() !== '' ? envKey.trim() : undefined);
  if (command.key === undefined && key !== undefined) {
    const problem = checkKey(key);
    if (problem) return reportUsage(io, 'mcpfix probe', problem.replace('(--key)', '(LITELLM_API_KEY)'), [key]);
  }
  // Everything the user handed over that may be secret, masked wherever it shows up, whatever its
  // shape: the key, header values that name or look like credentials, secrets in the config.
  const secrets = [
    ...(key !== undefined ? [key] : []),
    ...command.headers.filter((header) => maskRequestHeader(header) !== header.value || header.value.length >= 16).map((header) => header.value),
    ...secretsOfInputs(config),
  ];
  const safeText = createSafeText(secrets);

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
    deadlineMs: command.deadlineMs,
  });

  if (run.unreachable) {
    if (command.isJson) {
      io.stdout.write(renderJson({ target: target.url.href, healthy: false, unreachable: run.unreachable, steps: run.steps.map(toJsonStep), matches: [], suggestions: [] }, secrets));
    }
    io.stderr.write(`mcpfix probe: could not connect to ${safeText.line(target.url.href)}: ${safeText.line(run.unreachable.reason)}\n`);
    return ExitCode.unreachable;
  }

  const transcript = buildTranscript(run.exchanges, run.originChecks, secrets);
  const result = checkPaste(loaded.index, { paste: transcript, ...(config !== undefined ? { config } : {}) });
  const isHealthy = run.steps.every((step) => step.isOk) && (run.tools?.length ?? 0) > 0 && result.verdict !== 'confident' && !run.deadlineReached;

  if (command.isJson) {
    io.stdout.write(
      renderJson({
        target: target.url.href,
        healthy: isHealthy,
        ...(run.tools !== undefined ? { toolCount: run.tools.length } : {}),
        steps: run.steps.map(toJsonStep),
        ...(run.deadlineReached ? { deadlineReached: run.deadlineReached } : {}),
        ...toJsonDiagnosis(result),
        transcript,
      }, secrets),
    );
  } else {
    io.stdout.write(renderText(describeProbe(run, result, isHealthy, command.timeoutMs, key !== undefined), isColorWanted(io.stdout, io.env), safeText));
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
  if (run.deadlineReached) {
    const { deadlineMs, skipped } = run.deadlineReached;
    blocks.push({ kind: 'bullet', tone: 'warn', text: `stopped at the ${formatMs(deadlineMs)} deadline (--deadline): not run: ${skipped.join(', ')}` });
  }
  blocks.push({ kind: 'blank' });
  if (isHealthy) {
    const count = run.tools?.length ?? 0;
    blocks.push({ kind: 'verdict', tone: 'good', text: `healthy: ${count} tool${count === 1 ? '' : 's'}` });
    return blocks;
  }
  const failed = run.steps.find((step) => !step.isOk);
  const summary = !failed && run.deadlineReached
    ? `problem found: the probe ran out of time (--deadline ${formatMs(run.deadlineReached.deadlineMs)}) before ${run.deadlineReached.skipped[0] ?? 'the end'}`
    : failed
    ? `problem found at ${failed.name}: ${(failed.detail.split('\n')[0] ?? '') || (failed.status === null ? `no answer within ${formatMs(timeoutMs)}` : `${failed.status}`)}`
    : 'problem found: the answers match a known failure';
  blocks.push({ kind: 'verdict', tone: 'bad', text: summary });
  blocks.push({ kind: 'blank' });
  blocks.push(...describeResult(result));
  return blocks;
}
