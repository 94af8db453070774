// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileSnapshot } from '@/lib/core/profile';
import { watchProfile } from '@/lib/providers/linkedin/profile-watcher';
import { demo } from '../../../sandbox/seed.ts';
import { revealLazySections } from '../../../sandbox/linkedin/hashed-page.ts';
import { profileHtml, profileUrl } from '../../../sandbox/linkedin/render-document.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const slug = demo.linkedin.slug;

/** The hashed page as first painted, in the test's live document (a parsed one has no window to observe from). */
function showFirstPaint(): void {
  const { title, main } = profileHtml(slug, { variant: 'hashed' });
  document.title = title;
  document.body.innerHTML = `<main id="app">${main}</main>`;
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.innerHTML = '';
});

describe('watchProfile', () => {
  it('reports the first paint at once, then exactly once more when the lazy sections arrive', async () => {
    showFirstPaint();
    const seen: ProfileSnapshot[] = [];
    stop = watchProfile(document, profileUrl(slug), (snapshot) => seen.push(snapshot));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.experience).toEqual([]);
    expect(seen[0]?.missing).toContain('experience');

    // As the sandbox page's loader does ~300 ms after load.
    await wait(300);
    expect(revealLazySections(document)).toBe(1);
    await wait(450);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.experience.map((role) => role.title)).toEqual([
      'Staff Data Engineer',
      'Senior Data Engineer',
      'Data Analyst',
    ]);
    expect(seen[1]?.education).toHaveLength(2);
    expect(seen[1]?.missing).toEqual(['contact']);
  });

  it('debounces a burst of mutations into one read and stays quiet when nothing it reads changed', async () => {
    showFirstPaint();
    const seen: ProfileSnapshot[] = [];
    stop = watchProfile(document, profileUrl(slug), (snapshot) => seen.push(snapshot));
    const main = document.querySelector('main')!;
    for (let index = 0; index < 5; index += 1) {
      main.append(document.createElement('div'));
      await wait(20);
    }
    revealLazySections(document);
    await wait(450);
    expect(seen).toHaveLength(2);

    // A spinner or an ad slot changing says nothing about the member.
    main.append(document.createElement('div'));
    await wait(400);
    expect(seen).toHaveLength(2);
  });

  it('stops observing when stopped', async () => {
    showFirstPaint();
    const seen: ProfileSnapshot[] = [];
    stop = watchProfile(document, profileUrl(slug), (snapshot) => seen.push(snapshot));
    stop();
    revealLazySections(document);
    await wait(450);
    expect(seen).toHaveLength(1);
  });

  it('stops a read already scheduled', async () => {
    showFirstPaint();
    const seen: ProfileSnapshot[] = [];
    stop = watchProfile(document, profileUrl(slug), (snapshot) => seen.push(snapshot));
    revealLazySections(document);
    await wait(50);
    stop();
    await wait(400);
    expect(seen).toHaveLength(1);
  });
});
