import { defineWebExtConfig } from 'wxt';

// `npm run dev` opens Debian's Chromium only where there is a display; CI and headless shells just build.
export default defineWebExtConfig({
  disabled: !!process.env.CI || !process.env.DISPLAY,
  binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  chromiumArgs: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
