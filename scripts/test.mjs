// `npm test`: type check, lint, unit tests, builds, Firefox lint, store zips, and the browser suite.
// It installs nothing; where something is missing it says what and how to get it.
// Ends with one line `N passed, N failed` that sums unit and browser tests (a failed non-test step counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const reports = { unit: 'test-results/unit-report.json', e2e: 'test-results/e2e-report.json' };
const failedSteps = [];
let passed = 0;
let failed = 0;

function run(name, command, args, { env } = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function step(name, command, args, options) {
  if (!run(name, command, args, options)) failedSteps.push(name);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

if (!existsSync('node_modules/.bin/wxt')) {
  console.error('Dependencies are not installed. Run: npm ci');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

step('type check', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', '.']);

run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${reports.unit}`]);
const unit = readJson(reports.unit);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else {
  failedSteps.push('unit tests (no report)');
}

step('build chrome', 'npx', ['wxt', 'build']);
step('build e2e', 'npx', ['wxt', 'build'], { env: { WXT_E2E: '1' } });
step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
step('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery']);
step('zip', 'npx', ['wxt', 'zip']);
step('zip firefox', 'npx', ['wxt', 'zip', '-b', 'firefox', '--mv3']);
step('zip contents', 'node', ['scripts/check-zips.mjs']);

if (!existsSync(chromiumPath)) {
  console.error(
    `\nBrowser tests need Chromium at ${chromiumPath}. Install it with: sudo apt-get install -y chromium (or set CHROME_PATH).`,
  );
  failedSteps.push('browser tests (Chromium missing)');
} else {
  run('browser tests', 'npx', ['playwright', 'test']);
  const e2e = readJson(reports.e2e);
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
  } else {
    failedSteps.push('browser tests (no report)');
  }
}

if (failedSteps.length > 0) console.error(`\nFailed steps: ${failedSteps.join(', ')}`);
failed += failedSteps.length;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
