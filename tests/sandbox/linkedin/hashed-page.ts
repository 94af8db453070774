import { html, type Html } from '../html.ts';
import type { Experience, LinkedinCompany } from '../store.ts';
import {
  contactOverlay,
  dateCaption,
  groupDuration,
  groupExperience,
  messageHref,
  peopleAlsoViewed,
  sharedValue,
  type ExperienceGroup,
} from './profile-parts.ts';
import type { SandboxProfile } from './profiles.ts';

/*
 * The 2026 hashed-class rendering: class names are build hashes that mean nothing and change between deploys, so
 * only tags, headings, text order, `data-view-name` and ARIA carry meaning. Experience and Education are not in
 * the first paint: they sit in an inert `<template>` that the lazy loader swaps in ~300 ms later, as LinkedIn
 * streams those cards in after load.
 */

/** Stable per key (so pages are reproducible) but meaningless, like a CSS-modules build hash. */
export function hashedClass(key: string): string {
  let hash = 0x811c9dc5;
  for (const character of key) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0;
  const digits = hash.toString(36).padStart(6, '0').slice(-5);
  return `${String.fromCharCode(97 + (hash % 26))}${digits}`;
}

const c = hashedClass;

/** The visible text plus its screen-reader twin, whose class is hashed too, so only the pairing gives it away. */
function twin(text: string): Html {
  return html`<span aria-hidden="true">${text}</span><span class="${c('visually-hidden')}">${text}</span>`;
}

function logo(companies: LinkedinCompany[], name: string, slug: string | undefined): Html {
  return slug && companies.some((company) => company.slug === slug)
    ? html`<a data-view-name="experience-company-logo-click" href="/company/${slug}/" data-spa-link class="${c('logo')}"
        ><img alt="${name}" width="48" height="48"
      /></a>`
    : html`<span class="${c('logo')}"><img alt="${name}" width="48" height="48" /></span>`;
}

const line = (text: Html | string) => html`<p class="${c('line')}">${text}</p>`;

function roleLines(item: Experience, companyLine: string | undefined): Html {
  return html`${line(twin(item.title))} ${companyLine ? line(companyLine) : html``} ${line(dateCaption(item))}
    ${line(item.location)}
    <div class="${c('description')}">${line(item.description)}</div>`;
}

function experienceItem(companies: LinkedinCompany[], group: ExperienceGroup): Html {
  const [only] = group.roles;
  if (group.roles.length === 1 && only) {
    return html`<li class="${c('item')}">
      <div data-view-name="profile-component-entity" class="${c('entity')}">
        ${logo(companies, group.company, group.companySlug)}
        <div class="${c('body')}">${roleLines(only, `${only.company} · ${only.employmentType}`)}</div>
      </div>
    </li>`;
  }
  const type = sharedValue(group.roles, (item) => item.employmentType);
  return html`<li class="${c('item')}">
    <div data-view-name="profile-component-entity" class="${c('entity')}">
      ${logo(companies, group.company, group.companySlug)}
      <div class="${c('body')}">
        ${line(twin(group.company))} ${line(type ? `${type} · ${groupDuration(group)}` : groupDuration(group))}
      </div>
    </div>
    <ul class="${c('roles')}">
      ${group.roles.map(
        (item) =>
          html`<li class="${c('role')}">
            <div data-view-name="profile-component-entity" class="${c('entity')}">
              <div class="${c('body')}">${roleLines(item, type ? undefined : item.employmentType)}</div>
            </div>
          </li>`,
      )}
    </ul>
  </li>`;
}

function card(title: string, body: Html): Html {
  return html`<section class="${c('card')}" data-view-name="profile-card">
    <div class="${c('card-header')}"><h2 class="${c('card-title')}">${title}</h2></div>
    ${body}
  </section>`;
}

function lazySections(profile: SandboxProfile, companies: LinkedinCompany[]): Html {
  const groups = groupExperience(profile.experience);
  const experience = groups.length
    ? card(
        'Experience',
        html`<ul class="${c('list')}">
            ${groups.map((group) => experienceItem(companies, group))}
          </ul>
          ${
            profile.experience.length > 5
              ? html`<a href="/in/${profile.slug}/details/experience/" class="${c('show-all')}"
                  >Show all ${profile.experience.length} experiences</a
                >`
              : html``
          }`,
      )
    : html``;
  const education = profile.education.length
    ? card(
        'Education',
        html`<ul class="${c('list')}">
          ${profile.education.map(
            (item) =>
              html`<li class="${c('item')}">
                <div data-view-name="profile-component-entity" class="${c('entity')}">
                  <span class="${c('logo')}"><img alt="${item.school}" width="48" height="48" /></span>
                  <div class="${c('body')}">
                    ${line(twin(item.school))} ${line(`${item.degree}, ${item.field}`)}
                    ${line(`${item.start} - ${item.end}`)}
                  </div>
                </div>
              </li>`,
          )}
        </ul>`,
      )
    : html``;
  return html`${experience}${education}`;
}

export function hashedProfile(
  profile: SandboxProfile,
  everyone: SandboxProfile[],
  companies: LinkedinCompany[],
  overlay: boolean,
): Html {
  return html`<div class="${c('page')}" data-sandbox-variant="hashed">
    <section class="${c('top-card')}">
      <div class="${c('photo')}"><img alt="${profile.name}" width="128" height="128" /></div>
      <div class="${c('identity')}">
        <a href="/in/${profile.slug}/" data-spa-link class="${c('name-link')}"
          ><h1 class="${c('name')}">${profile.name}</h1></a
        >
        ${profile.pronouns ? html`<p class="${c('pronouns')}">${profile.pronouns}</p>` : html``}
        <p class="${c('degree')}">· 2nd</p>
      </div>
      <p class="${c('headline')}">${profile.headline}</p>
      <div class="${c('subline')}">
        <p class="${c('location')}">${profile.location}</p>
        <span aria-hidden="true">·</span>
        <a href="/in/${profile.slug}/overlay/contact-info/" data-spa-link class="${c('contact')}">Contact info</a>
      </div>
      <p class="${c('connections')}"><a href="/mynetwork/" data-spa-link>500+ connections</a></p>
      <div class="${c('actions')}">
        <a href="${messageHref(profile.memberUrn)}" aria-label="Message ${profile.name}" class="${c('message')}"
          >Message</a
        >
        <button class="${c('follow')}" type="button">Follow</button>
      </div>
    </section>
    ${
      profile.about
        ? card(
            'About',
            html`<div class="${c('about')}">
              <p class="${c('about-text')}">${twin(profile.about)}</p>
              <button class="${c('more')}" type="button">…see more</button>
            </div>`,
          )
        : html``
    }
    <template data-lazy-sections>${lazySections(profile, companies)}</template>
    ${
      profile.skills.length
        ? card(
            'Skills',
            html`<ul class="${c('list')}">
              ${profile.skills.map(
                (skill) =>
                  html`<li class="${c('item')}">
                    <div data-view-name="profile-component-entity" class="${c('entity')}">${line(twin(skill))}</div>
                  </li>`,
              )}
            </ul>`,
          )
        : html``
    }
    ${peopleAlsoViewed(everyone, profile, { cls: c })} ${overlay ? contactOverlay(profile, { hashed: c }) : html``}
  </div>`;
}

/** What the lazy loader does, callable from tests that parse the HTML without running its scripts. */
export function revealLazySections(document: Document): number {
  const templates = [...document.querySelectorAll<HTMLTemplateElement>('template[data-lazy-sections]')];
  for (const template of templates) template.replaceWith(template.content.cloneNode(true));
  return templates.length;
}

/**
 * Every LinkedIn sandbox page carries this. Scripts in HTML the client router swaps in do not run, so the first
 * full load installs one observer that also reveals the lazy sections of profiles reached by in-app navigation.
 */
export const lazyLoaderScript = `
(() => {
  if (window.sandboxLazySections) return window.sandboxLazySections();
  const scheduled = new WeakSet();
  function schedule() {
    for (const template of document.querySelectorAll('template[data-lazy-sections]')) {
      if (scheduled.has(template)) continue;
      scheduled.add(template);
      setTimeout(() => {
        if (template.isConnected) template.replaceWith(template.content.cloneNode(true));
      }, 300);
    }
  }
  window.sandboxLazySections = schedule;
  new MutationObserver(schedule).observe(document.getElementById('app') || document.body, { childList: true });
  schedule();
})();
`;
