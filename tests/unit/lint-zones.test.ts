import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint zones', () => {
  const forbidden = [
    "import { createAshbyClient } from '@/lib/providers/ashby/client';",
    "import { readSecret } from '@/lib/storage/secrets';",
    "import { database } from '../storage/database';",
    "import { createRouter } from '@/lib/background/router';",
    "import { fetchJson } from '../../lib/http/fetch-json';",
  ];

  it.each(forbidden)('forbids content-side code to %s', async (line) => {
    expect(await restrictedImports('lib/content/example.ts', `${line}\nexport {};\n`)).toHaveLength(1);
    expect(await restrictedImports('entrypoints/lever.content/index.ts', `${line}\nexport {};\n`)).toHaveLength(1);
    expect(await restrictedImports('components/panel/example.tsx', `${line}\nexport {};\n`)).toHaveLength(1);
  });

  it('lets the background import clients, secrets and http', async () => {
    for (const line of forbidden) expect(await restrictedImports('lib/background/example.ts', `${line}\n`)).toEqual([]);
  });

  it('does not mistake packages for our modules', async () => {
    expect(
      await restrictedImports('lib/content/example.ts', "import { createRoot } from 'react-dom/client';\n"),
    ).toEqual([]);
  });

  it('keeps extension APIs out of React components', async () => {
    expect(
      await restrictedImports('components/panel/example.tsx', "import { browser } from 'wxt/browser';\n"),
    ).toHaveLength(1);
  });
});
