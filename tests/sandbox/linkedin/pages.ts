import type { SandboxRequest, SandboxResponse } from '../http.ts';
import { html, notFoundPage, renderPage, type Html, type Page, type Shell } from '../html.ts';
import type { LinkedinCompany, SandboxData } from '../store.ts';
import { hashedProfile, lazyLoaderScript } from './hashed-page.ts';
import { profileVariants, sandboxProfiles, type ProfileVariant, type SandboxProfile } from './profiles.ts';
import { publicProfile } from './public-page.ts';
import { voyagerProfile } from './voyager-page.ts';

const shell: Shell = {
  brand: 'LinkedIn',
  accent: '#0a66c2',
  navigation: [
    { href: '/feed/', label: 'Home' },
    { href: '/mynetwork/', label: 'My Network' },
    { href: '/jobs/', label: 'Jobs' },
  ],
};

const missingPage = notFoundPage('Page not found | LinkedIn', "This page doesn't exist");

// On every page, so the loader is installed whichever page the browser loaded first (see lazyLoaderScript).
const lazyLoader = html`<script>
  ${{ trustedHtml: lazyLoaderScript }};
</script>`;

function feed(profiles: SandboxProfile[]): Page {
  return {
    title: 'Feed | LinkedIn',
    main: html`<h1>Feed</h1>
      ${profiles.map(
        (profile) =>
          html`<article>
            <h2><a href="/in/${profile.slug}/" data-spa-link>${profile.name}</a></h2>
            <p>${profile.headline}</p>
            ${profile.about ? html`<p>${profile.about.split('. ')[0]}.</p>` : html``}
          </article>`,
      )}`,
  };
}

function companyPage(company: LinkedinCompany): Page {
  return {
    title: `${company.name} | LinkedIn`,
    main: html`<h1>${company.name}</h1>
      <p>${company.industry} · ${company.headquarters} · ${company.size}</p>
      <section>
        <h2>About</h2>
        <p>${company.about}</p>
      </section>`,
  };
}

const renderers: Record<
  ProfileVariant,
  (profile: SandboxProfile, everyone: SandboxProfile[], companies: LinkedinCompany[], overlay: boolean) => Html
> = { voyager: voyagerProfile, hashed: hashedProfile, public: publicProfile };

function isVariant(value: string | null): value is ProfileVariant {
  return (profileVariants as readonly string[]).includes(value ?? '');
}

export interface ProfilePageOptions {
  /** Overrides the profile's own variant, as `?variant=` does. */
  variant?: ProfileVariant;
  /** The contact-info dialog open, as at `/in/<slug>/overlay/contact-info/`. */
  overlay?: boolean;
}

/** One profile's page, or undefined for an unknown slug: what tests render into a DOM without the server. */
export function linkedinProfilePage(
  data: SandboxData['linkedin'],
  slug: string,
  options: ProfilePageOptions = {},
): Page | undefined {
  const everyone = sandboxProfiles(data);
  const profile = everyone.find((each) => each.slug === slug);
  if (!profile) return undefined;
  const render = renderers[options.variant ?? profile.variant];
  return {
    title: `${profile.name} | LinkedIn`,
    main: render(profile, everyone, data.companies, options.overlay ?? false),
  };
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const profilePath = /^\/in\/([^/]+)(\/overlay\/contact-info)?\/?$/;

export function linkedinPages(request: SandboxRequest, store: SandboxData): SandboxResponse {
  const data = store.linkedin;
  const path = request.url.pathname;
  const profileMatch = profilePath.exec(path);
  const companySlug = /^\/company\/([^/]+)\/?$/.exec(path)?.[1];
  let page = missingPage;
  if (path === '/' || path === '/feed/' || path === '/feed') page = feed(sandboxProfiles(data));
  else if (profileMatch?.[1]) {
    const slug = decode(profileMatch[1]);
    const variant = request.url.searchParams.get('variant');
    const found =
      slug === undefined
        ? undefined
        : linkedinProfilePage(data, slug, {
            variant: isVariant(variant) ? variant : undefined,
            overlay: profileMatch[2] !== undefined,
          });
    if (found) page = found;
  } else if (companySlug) {
    const company = data.companies.find((each) => each.slug === decode(companySlug));
    if (company) page = companyPage(company);
  }
  return renderPage(request, shell, { ...page, main: html`${page.main}${lazyLoader}` });
}
