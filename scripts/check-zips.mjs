// Store archives must hold the extension (and, for Firefox, its sources) and nothing from the test setup.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { zipEntries } from './zip-entries.mjs';

const forbidden = [
  /(^|\/)tests\//,
  /(^|\/)scripts\//,
  /(^|\/)\.ci\//,
  /(^|\/)\.sandbox\//,
  /\.pem$/,
  /\.log$/,
  /test-results\//,
  /(^|\/)node_modules\//,
  /(^|\/)\.output\//,
];
const outputDirectory = path.resolve('.output');
const zips = readdirSync(outputDirectory).filter((name) => name.endsWith('.zip'));
const expected = ['-chrome.zip', '-firefox.zip', '-sources.zip'];
const problems = expected
  .filter((suffix) => !zips.some((name) => name.endsWith(suffix)))
  .map((suffix) => `missing *${suffix}`);

for (const zip of zips) {
  const entries = zipEntries(path.join(outputDirectory, zip));
  for (const entry of entries) {
    if (forbidden.some((pattern) => pattern.test(entry))) problems.push(`${zip} contains ${entry}`);
  }
  if (!zip.endsWith('-sources.zip') && !entries.includes('manifest.json')) problems.push(`${zip} has no manifest.json`);
  console.log(`${zip}: ${entries.length} files`);
}

if (problems.length > 0) {
  console.error(`Zip check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Zips hold no tests, fixtures, keys or logs.');
