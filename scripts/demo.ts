// `npm run demo`: the sandbox ATS plus Chromium with the built extension, on a candidate page.
// `npm run demo -- --headless` takes a screenshot of each site to .sandbox/ instead of opening a window.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromiumPath,
  launchWithExtension,
  missingBrowserPrerequisites,
  productionExtensionPath,
} from '../tests/e2e/browser';
import { connect, userEmail } from '../tests/e2e/ats';
import { siteCases } from '../tests/e2e/sites';
import { demo } from '../tests/sandbox/seed';
import { startSandbox, type Sandbox } from '../tests/sandbox/server';

const headless = process.argv.includes('--headless');

function printSandbox(sandbox: Sandbox) {
  console.log(`sandbox ${sandbox.origin}`);
  console.log(`ashby key ${sandbox.credentials.ashby.key}`);
  console.log(`lever key ${sandbox.credentials.lever.key}`);
  console.log(`pinpoint key ${sandbox.credentials.pinpoint.key} subdomain ${sandbox.credentials.pinpoint.subdomain}`);
}

/** Fill scorecard: import a transcript on the candidate page first (Calls tab), then open the form. */
const feedbackPageHints = [
  'Interview feedback forms (Fill scorecard):',
  `  Ashby: https://app.ashbyhq.com/interview-briefings/${demo.ashby.interviewBriefingId}/feedback`,
  `  Lever: https://hire.lever.co/interviews/${demo.lever.interviewId}`,
  '  Pinpoint: press "Fill scorecard" on the application page; the panel offers to fill the dialog',
];

function manualLaunchHint(sandbox: Sandbox): string {
  return [
    'Start a browser yourself with:',
    `  ${chromiumPath} --user-data-dir=$(mktemp -d) --load-extension=${productionExtensionPath} \\`,
    `    --host-resolver-rules="${sandbox.hostResolverRules}" --ignore-certificate-errors \\`,
    `    ${siteCases[0]!.page.url}`,
    'Candidate pages to try:',
    ...siteCases.map((site) => `  ${site.label}: ${site.page.url}`),
    ...feedbackPageHints,
  ].join('\n');
}

async function main() {
  console.log('Building the extension…');
  if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

  const sandbox = await startSandbox({ port: Number(process.env.PORT ?? 0) });
  printSandbox(sandbox);
  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const missing = missingBrowserPrerequisites([productionExtensionPath]);
  if (missing.length > 0) {
    console.error(missing.join('\n'));
    console.log(`\nThe sandbox keeps running. ${manualLaunchHint(sandbox)}`);
    return;
  }
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log(
      [
        '',
        'No display found, so no browser window can open here.',
        '- On a server: sudo apt-get install -y xvfb, then: xvfb-run -a npm run demo (and view it over VNC), or',
        '- npm run demo -- --headless: screenshots of each site in .sandbox/, or',
        `- keep this sandbox running (Ctrl+C stops it). ${manualLaunchHint(sandbox)}`,
      ].join('\n'),
    );
    return;
  }

  const userDataDir = mkdtempSync(path.join(tmpdir(), 'sidecar-demo-'));
  const { context, extensionId } = await launchWithExtension({
    extensionPath: productionExtensionPath,
    hostResolverRules: sandbox.hostResolverRules,
    headless,
    userDataDir,
  });
  // The demo keys and the demo user, set through the options page's own messages.
  await connect(context, extensionId);
  console.log(`Connected Ashby, Lever and Pinpoint with the demo keys, as ${userEmail}.`);
  const [firstPage] = context.pages();
  const pages = [firstPage ?? (await context.newPage())];
  for (let index = 1; index < siteCases.length; index += 1) pages.push(await context.newPage());
  await Promise.all(siteCases.map((site, index) => pages[index]!.goto(site.page.url)));

  if (headless) {
    mkdirSync('.sandbox', { recursive: true });
    for (const [index, site] of siteCases.entries()) {
      const page = pages[index]!;
      await page.locator('sidecar-panel').waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      const file = `.sandbox/demo-${site.site}.png`;
      await page.screenshot({ path: file });
      console.log(`screenshot ${file}`);
    }
    await context.close();
    await sandbox.close();
    return;
  }
  await pages[0]!.bringToFront();
  console.log('\nChromium is open with Sidecar loaded. Close the browser or press Ctrl+C to stop.');
  console.log(feedbackPageHints.join('\n'));
  context.on('close', () => void stop());
}

await main();
