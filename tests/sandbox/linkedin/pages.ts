import type { SandboxRequest, SandboxResponse } from '../http.ts';
import { html, notFoundPage, renderPage, type Page, type Shell } from '../html.ts';
import type { LinkedinCompany, LinkedinProfile, SandboxData } from '../store.ts';

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

function feed(data: SandboxData['linkedin']): Page {
  return {
    title: 'Feed | LinkedIn',
    main: html`<h1>Feed</h1>
      ${data.profiles.map(
        (profile) =>
          html`<article>
            <h2><a href="/in/${profile.slug}/" data-spa-link>${profile.name}</a></h2>
            <p>${profile.headline}</p>
            <p>${profile.about.split('. ')[0]}.</p>
          </article>`,
      )}`,
  };
}

function profilePage(data: SandboxData['linkedin'], profile: LinkedinProfile): Page {
  const companyLink = (name: string, slug?: string) =>
    slug && data.companies.some((company) => company.slug === slug)
      ? html`<a href="/company/${slug}/" data-spa-link>${name}</a>`
      : html`${name}`;
  return {
    title: `${profile.name} | LinkedIn`,
    main: html`<section aria-label="Profile">
        <h1>${profile.name}</h1>
        <div class="headline">${profile.headline}</div>
        <span class="location">${profile.location}</span>
      </section>
      <section id="about">
        <h2>About</h2>
        <p>${profile.about}</p>
      </section>
      <section id="experience">
        <h2>Experience</h2>
        <ul>
          ${profile.experience.map(
            (item) =>
              html`<li>
                <h3>${item.title}</h3>
                <p>${companyLink(item.company, item.companySlug)} · ${item.employmentType}</p>
                <p>${item.start} - ${item.end ?? 'Present'}</p>
                <p>${item.location}</p>
                <p>${item.description}</p>
              </li>`,
          )}
        </ul>
      </section>
      <section id="education">
        <h2>Education</h2>
        <ul>
          ${profile.education.map(
            (item) =>
              html`<li>
                <h3>${item.school}</h3>
                <p>${item.degree}, ${item.field}</p>
                <p>${item.start} - ${item.end}</p>
              </li>`,
          )}
        </ul>
      </section>`,
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

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function linkedinPages(request: SandboxRequest, store: SandboxData): SandboxResponse {
  const data = store.linkedin;
  const path = request.url.pathname;
  const profileSlug = /^\/in\/([^/]+)\/?$/.exec(path)?.[1];
  const companySlug = /^\/company\/([^/]+)\/?$/.exec(path)?.[1];
  let page = missingPage;
  if (path === '/' || path === '/feed/' || path === '/feed') page = feed(data);
  else if (profileSlug) {
    const profile = data.profiles.find((each) => each.slug === decode(profileSlug));
    if (profile) page = profilePage(data, profile);
  } else if (companySlug) {
    const company = data.companies.find((each) => each.slug === decode(companySlug));
    if (company) page = companyPage(company);
  }
  return renderPage(request, shell, page);
}
