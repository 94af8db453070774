import { html, type Html } from '../html.ts';
import type { Experience, LinkedinCompany } from '../store.ts';
import {
  contactOverlay,
  durationLabel,
  groupDuration,
  groupExperience,
  parseProfileDate,
  peopleAlsoViewed,
  scriptJson,
  type ExperienceGroup,
} from './profile-parts.ts';
import type { SandboxProfile } from './profiles.ts';

/*
 * The logged-out public profile: a schema.org Person in JSON-LD plus server-rendered markup with readable BEM
 * classes (`top-card-layout__*`, `experience-item`, `core-section-container`). Logged-out viewers get no Message
 * button (so no member URN) and no Skills card.
 */

function jsonLdDate(value: string): string {
  const date = parseProfileDate(value);
  return date.month ? `${date.year}-${String(date.month).padStart(2, '0')}` : String(date.year);
}

function companyUrl(companies: LinkedinCompany[], slug: string | undefined): string | undefined {
  return slug && companies.some((company) => company.slug === slug)
    ? `https://www.linkedin.com/company/${slug}`
    : undefined;
}

/** The Person LinkedIn publishes for search engines: current employers in `worksFor`, the rest in `alumniOf`. */
export function publicPerson(profile: SandboxProfile, companies: LinkedinCompany[]) {
  const organization = (role: Experience) => ({
    '@type': 'Organization',
    name: role.company,
    ...(companyUrl(companies, role.companySlug) ? { url: companyUrl(companies, role.companySlug) } : {}),
    location: role.location,
    member: {
      '@type': 'OrganizationRole',
      startDate: jsonLdDate(role.start),
      ...(role.end ? { endDate: jsonLdDate(role.end) } : {}),
      description: role.description,
    },
  });
  return {
    '@context': 'http://schema.org',
    '@graph': [
      {
        '@type': 'Person',
        '@id': `https://www.linkedin.com/in/${profile.slug}`,
        name: profile.name,
        url: `https://www.linkedin.com/in/${profile.slug}`,
        jobTitle: profile.experience.filter((role) => !role.end).map((role) => role.title),
        address: { '@type': 'PostalAddress', addressLocality: profile.location },
        worksFor: profile.experience.filter((role) => !role.end).map(organization),
        alumniOf: [
          ...profile.experience.filter((role) => role.end).map(organization),
          ...profile.education.map((item) => ({
            '@type': 'EducationalOrganization',
            name: item.school,
            member: { '@type': 'OrganizationRole', startDate: Number(item.start), endDate: Number(item.end) },
          })),
        ],
        ...(profile.about ? { description: profile.about } : {}),
        sameAs: `https://www.linkedin.com/in/${profile.slug}`,
      },
      {
        '@type': 'WebPage',
        url: `https://www.linkedin.com/in/${profile.slug}`,
        reviewedBy: { '@type': 'Person', name: profile.name },
      },
    ],
  };
}

function dateRange(start: string, end: string | undefined, withDuration = true): Html {
  return html`<span class="date-range"
    ><time>${start}</time> -
    <time>${end ?? 'Present'}</time>
    ${withDuration ? html`<span class="before:middot">${durationLabel(start, end, true)}</span>` : html``}</span
  >`;
}

function companyLink(companies: LinkedinCompany[], slug: string | undefined, content: Html): Html {
  const url = companyUrl(companies, slug);
  return url
    ? html`<a
        href="${url}"
        data-tracking-control-name="public_profile_experience-item_profile-section-card_subtitle-click"
        >${content}</a
      >`
    : content;
}

function experienceItem(companies: LinkedinCompany[], group: ExperienceGroup): Html {
  const [only] = group.roles;
  if (group.roles.length === 1 && only) {
    return html`<li class="profile-section-card experience-item">
      <img class="profile-section-card__image" alt="${only.company}" width="48" height="48" />
      <div class="experience-item__contents">
        <h3 class="experience-item__title">${only.title}</h3>
        <h4 class="experience-item__subtitle">${companyLink(companies, only.companySlug, html`${only.company}`)}</h4>
        <div class="experience-item__meta">
          <p class="experience-item__meta-item">${only.employmentType}</p>
          <p class="experience-item__meta-item">${dateRange(only.start, only.end)}</p>
          <p class="experience-item__meta-item experience-item__location">${only.location}</p>
        </div>
        <div class="show-more-less-text">
          <p class="show-more-less-text__text--less">${only.description}</p>
        </div>
      </div>
    </li>`;
  }
  return html`<li class="experience-group experience-item">
    ${companyLink(
      companies,
      group.companySlug,
      html`<div class="experience-group-header">
        <img class="experience-group-header__image" alt="${group.company}" width="48" height="48" />
        <h4 class="experience-group-header__company">${group.company}</h4>
        <p class="experience-group-header__duration">${groupDuration(group, true)}</p>
      </div>`,
    )}
    <ul class="experience-group__positions">
      ${group.roles.map(
        (item) =>
          html`<li class="experience-group-position profile-section-card">
            <div class="experience-group-position__contents">
              <h3 class="experience-group-position__title">${item.title}</h3>
              <div class="experience-group-position__meta">
                <p class="experience-group-position__meta-item">${item.employmentType}</p>
                <p class="experience-group-position__meta-item">${dateRange(item.start, item.end)}</p>
                <p class="experience-group-position__location experience-group-position__meta-item">${item.location}</p>
              </div>
              <div class="show-more-less-text">
                <p class="show-more-less-text__text--less">${item.description}</p>
              </div>
            </div>
          </li>`,
      )}
    </ul>
  </li>`;
}

function section(name: string, title: string, body: Html): Html {
  return html`<section class="core-section-container ${name}" data-section="${name}">
    <h2 class="core-section-container__title section-title">${title}</h2>
    <div class="core-section-container__content break-words">${body}</div>
  </section>`;
}

export function publicProfile(
  profile: SandboxProfile,
  everyone: SandboxProfile[],
  companies: LinkedinCompany[],
  overlay: boolean,
): Html {
  const current = profile.experience.find((role) => !role.end);
  const school = profile.education[0];
  const groups = groupExperience(profile.experience);
  return html`<div class="public-profile" data-sandbox-variant="public">
    <script type="application/ld+json">
      ${scriptJson(publicPerson(profile, companies))}
    </script>
    <section class="top-card-layout container-lined overflow-hidden">
      <div class="top-card-layout__card">
        <div class="top-card-layout__entity-info-container">
          <div class="top-card-layout__entity-info">
            <h1 class="top-card-layout__title">${profile.name}</h1>
            <h2 class="top-card-layout__headline break-words">${profile.headline}</h2>
            <h3 class="top-card-layout__first-subline">
              <div class="profile-info-subheader">
                <div class="not-first-middot"><span>${profile.location}</span><span>500+ connections</span></div>
              </div>
            </h3>
          </div>
          <div class="top-card-layout__entity-info--right-column">
            ${
              current
                ? html`<div data-section="currentPositionsDetails">
                    <a data-tracking-control-name="public_profile_topcard-current-company" href="#experience"
                      ><span class="top-card-link__description">${current.company}</span></a
                    >
                  </div>`
                : html``
            }
            ${
              school
                ? html`<div data-section="educationsDetails">
                    <a data-tracking-control-name="public_profile_topcard-education" href="#education"
                      ><span class="top-card-link__description">${school.school}</span></a
                    >
                  </div>`
                : html``
            }
          </div>
        </div>
        <a
          class="top-card-layout__cta"
          href="/signup/"
          data-tracking-control-name="public_profile_top-card-primary-button-join-to-view-profile"
          >Join to view profile</a
        >
      </div>
    </section>
    ${profile.about ? section('summary', 'About', html`<p>${profile.about}</p>`) : html``}
    ${
      groups.length
        ? section(
            'experience',
            'Experience',
            html`<ul class="experience__list">
              ${groups.map((group) => experienceItem(companies, group))}
            </ul>`,
          )
        : html``
    }
    ${
      profile.education.length
        ? section(
            'education',
            'Education',
            html`<ul class="education__list">
              ${profile.education.map(
                (item) =>
                  html`<li class="education__list-item profile-section-card">
                    <img class="profile-section-card__image" alt="${item.school}" width="48" height="48" />
                    <div class="education__item-contents">
                      <h3 class="profile-section-card__title">${item.school}</h3>
                      <h4 class="profile-section-card__subtitle">
                        <span class="education__item education__item--degree-info">${item.degree}</span
                        ><span class="education__item education__item--degree-info">${item.field}</span>
                      </h4>
                      <p class="education__item education__item--duration">${dateRange(item.start, item.end, false)}</p>
                    </div>
                  </li>`,
              )}
            </ul>`,
          )
        : html``
    }
    ${peopleAlsoViewed(everyone, profile, { loggedOut: true })} ${overlay ? contactOverlay(profile) : html``}
  </div>`;
}
