// Lints the served OpenAPI document with Redocly CLI and Spectral (spectral:oas).
// Usage: node lint.mjs <url of openapi.json>
// Exits non-zero on any error or warning of either tool; rules switched off are listed, with their
// reasons, in redocly.yaml and .spectral.yaml.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const url = process.argv[2];
if (!url) {
  console.error('usage: node lint.mjs <url of openapi.json>');
  process.exit(2);
}
const response = await fetch(url);
if (!response.ok) {
  console.error(`GET ${url} answered ${response.status}`);
  process.exit(2);
}
const spec = join(mkdtempSync(join(tmpdir(), 'boxoffice-lint-')), 'openapi.json');
writeFileSync(spec, await response.text());

const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' };

function run(command, args) {
  try {
    return execFileSync(join(here, 'node_modules', '.bin', command), args, { cwd: here, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // Both tools exit non-zero when they find problems; their JSON report is still on stdout.
    if (e.stdout) return e.stdout;
    throw e;
  }
}

const redocly = JSON.parse(run('redocly', ['lint', spec, '--config', join(here, 'redocly.yaml'), '--format', 'json']));
const redoclyErrors = redocly.problems.filter((p) => p.severity === 'error');
const redoclyWarnings = redocly.problems.filter((p) => p.severity === 'warn');

const spectral = JSON.parse(run('spectral', ['lint', spec, '--ruleset', join(here, '.spectral.yaml'), '--format', 'json', '--fail-severity', 'hint', '--quiet']) || '[]');
// Spectral severities: 0 error, 1 warning, 2 info, 3 hint.
const spectralErrors = spectral.filter((p) => p.severity === 0);
const spectralWarnings = spectral.filter((p) => p.severity === 1);

for (const p of redocly.problems) {
  console.log(`redocly ${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? ''}`);
}
for (const p of spectral) {
  console.log(`spectral ${['error', 'warning', 'info', 'hint'][p.severity]} ${p.code}: ${p.message} at ${p.path.join('.')}`);
}
console.log(`redocly: ${redoclyErrors.length} errors, ${redoclyWarnings.length} warnings`);
console.log(`spectral: ${spectralErrors.length} errors, ${spectralWarnings.length} warnings, ${spectral.length - spectralErrors.length - spectralWarnings.length} other`);
process.exit(redocly.problems.length + spectral.length === 0 ? 0 : 1);
