import type { PageContext } from '@/lib/core/page-context';
import type { DetectorExamples } from '@/lib/providers/contracts';
import { pageUrl } from '@/lib/providers/url-patterns';

// LinkedIn is an SPA: the feed, search and messaging navigate to profiles without a reload, so the script matches the host.
export const linkedinMatches = ['https://www.linkedin.com/*'];

/** `/in/<slug>` plus the profile's own sub-pages (`details/experience/`, `overlay/contact-info/`…) are that member's profile. */
const profilePath = /^\/in\/([^/?#]+)(?:\/(?:details\/[a-z-]+|overlay\/[a-z-]+|recent-activity\/[a-z-]+)?)?\/?$/;

/** Normalized profile URL: the dedupe key of shared/reference/linkedin-and-form-filling.md §2. */
export function normalizeProfileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${slug}`;
}

function decodeSlug(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export function detectLinkedinPage(url: URL): PageContext | null {
  if (url.protocol !== 'https:' || url.hostname !== 'www.linkedin.com') return null;
  const raw = url.pathname.match(profilePath)?.[1];
  const slug = raw ? decodeSlug(raw) : null;
  if (!slug) return null;
  return { site: 'linkedin', kind: 'profile', url: pageUrl(url), slug, profileUrl: normalizeProfileUrl(slug) };
}

export const linkedinPageExamples: DetectorExamples = {
  recognised: [
    {
      url: 'https://www.linkedin.com/in/ada-lovelace-1815/',
      expected: {
        site: 'linkedin',
        kind: 'profile',
        url: 'https://www.linkedin.com/in/ada-lovelace-1815/',
        slug: 'ada-lovelace-1815',
        profileUrl: 'https://www.linkedin.com/in/ada-lovelace-1815',
      },
    },
    {
      url: 'https://www.linkedin.com/in/ada-lovelace-1815?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB',
      expected: {
        site: 'linkedin',
        kind: 'profile',
        url: 'https://www.linkedin.com/in/ada-lovelace-1815',
        slug: 'ada-lovelace-1815',
        profileUrl: 'https://www.linkedin.com/in/ada-lovelace-1815',
      },
    },
    {
      url: 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E-8a1b2c/',
      expected: {
        site: 'linkedin',
        kind: 'profile',
        url: 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E-8a1b2c/',
        slug: '王小明-8a1b2c',
        profileUrl: 'https://www.linkedin.com/in/王小明-8a1b2c',
      },
    },
    {
      url: 'https://www.linkedin.com/in/ada-lovelace-1815/overlay/contact-info/',
      expected: {
        site: 'linkedin',
        kind: 'profile',
        url: 'https://www.linkedin.com/in/ada-lovelace-1815/overlay/contact-info/',
        slug: 'ada-lovelace-1815',
        profileUrl: 'https://www.linkedin.com/in/ada-lovelace-1815',
      },
    },
    {
      url: 'https://www.linkedin.com/in/ada-lovelace-1815/details/experience/',
      expected: {
        site: 'linkedin',
        kind: 'profile',
        url: 'https://www.linkedin.com/in/ada-lovelace-1815/details/experience/',
        slug: 'ada-lovelace-1815',
        profileUrl: 'https://www.linkedin.com/in/ada-lovelace-1815',
      },
    },
  ],
  ignored: [
    'https://www.linkedin.com/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in/%E0%A4%A/',
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/search/results/people/?keywords=ada',
    'https://www.linkedin.com/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAB',
    'https://www.linkedin.com/in/ada-lovelace-1815/edit/forms/intro/',
    'https://linkedin.com/in/ada-lovelace-1815/',
  ],
};
