import { html, type Html } from '../html.ts';
import type { Experience, LinkedinCompany } from '../store.ts';
import {
  contactOverlay,
  dateCaption,
  firstAndLastName,
  groupDuration,
  groupExperience,
  messageHref,
  parseProfileDate,
  peopleAlsoViewed,
  sharedValue,
  type ExperienceGroup,
} from './profile-parts.ts';
import type { SandboxProfile } from './profiles.ts';

/*
 * The Ember + Voyager rendering: LinkedIn's server embeds the Voyager API responses the page was built from as
 * entity-escaped JSON in hidden `<code>` elements (a `datalet-bpr-guid-*` request descriptor followed by the
 * `bpr-guid-*` body), and renders the same data as Ember markup with its stable utility classes.
 * The body is the dash "normalized" shape: `data` plus a flat `included[]` of entities, each with `$type` and
 * `entityUrn`, pointing at each other through `*field` URN references.
 */

const dash = 'com.linkedin.voyager.dash';
export const voyagerTypes = {
  profile: `${dash}.identity.profile.Profile`,
  positionGroup: `${dash}.identity.profile.PositionGroup`,
  position: `${dash}.identity.profile.Position`,
  education: `${dash}.identity.profile.Education`,
  skill: `${dash}.identity.profile.Skill`,
  geo: `${dash}.common.Geo`,
  employmentType: `${dash}.hiring.EmploymentType`,
} as const;

const employmentTypes = [
  'Full-time',
  'Part-time',
  'Self-employed',
  'Freelance',
  'Contract',
  'Internship',
  'Apprenticeship',
  'Seasonal',
];

function dateRange(start: string, end: string | undefined) {
  return end ? { start: parseProfileDate(start), end: parseProfileDate(end) } : { start: parseProfileDate(start) };
}

/** The `/identity/dash/profiles?q=memberIdentity` response for this member, as the page embeds it. */
export function voyagerProfileResponse(profile: SandboxProfile) {
  const memberId = profile.memberUrn.split(':').at(-1) ?? '';
  const profileUrn = profile.memberUrn;
  const geoUrn = `urn:li:fsd_geo:${1000 + profile.slug.length}`;
  const typeUrn = (name: string) => `urn:li:fsd_employmentType:${employmentTypes.indexOf(name) + 1}`;
  const { firstName, lastName } = firstAndLastName(profile.name);
  const groups = groupExperience(profile.experience);
  let positionNumber = 0;
  const groupEntities = groups.map((group, groupIndex) => {
    const positions = group.roles.map((role) => {
      positionNumber += 1;
      return {
        $type: voyagerTypes.position,
        entityUrn: `urn:li:fsd_profilePosition:(${memberId},${2000 + positionNumber})`,
        title: role.title,
        companyName: role.company,
        '*employmentType': typeUrn(role.employmentType),
        dateRange: dateRange(role.start, role.end),
        locationName: role.location,
        description: role.description,
      };
    });
    const positionGroup = {
      $type: voyagerTypes.positionGroup,
      entityUrn: `urn:li:fsd_profilePositionGroup:(${memberId},${1000 + groupIndex})`,
      companyName: group.company,
      dateRange: dateRange(
        group.roles.at(-1)?.start ?? '',
        group.roles.some((role) => !role.end) ? undefined : group.roles[0]?.end,
      ),
      profilePositionInPositionGroup: { '*elements': positions.map((position) => position.entityUrn) },
    };
    return { group: positionGroup, positions };
  });
  const educations = profile.education.map((item, index) => ({
    $type: voyagerTypes.education,
    entityUrn: `urn:li:fsd_profileEducation:(${memberId},${3000 + index})`,
    schoolName: item.school,
    degreeName: item.degree,
    fieldOfStudy: item.field,
    dateRange: dateRange(item.start, item.end),
  }));
  const skills = profile.skills.map((name, index) => ({
    $type: voyagerTypes.skill,
    entityUrn: `urn:li:fsd_skill:(${memberId},${4000 + index})`,
    name,
  }));
  const usedTypes = [...new Set(profile.experience.map((role) => role.employmentType))];
  return {
    data: {
      data: { '*identityDashProfilesByMemberIdentity': 'urn:li:collectionResponse:profile' },
    },
    included: [
      {
        $type: voyagerTypes.profile,
        entityUrn: profileUrn,
        publicIdentifier: profile.slug,
        firstName,
        lastName,
        headline: profile.headline,
        ...(profile.about ? { summary: profile.about } : {}),
        geoLocation: { '*geo': geoUrn },
        profilePositionGroups: { '*elements': groupEntities.map(({ group }) => group.entityUrn) },
        profileEducations: { '*elements': educations.map((item) => item.entityUrn) },
        profileSkills: { '*elements': skills.map((item) => item.entityUrn) },
      },
      { $type: voyagerTypes.geo, entityUrn: geoUrn, defaultLocalizedName: profile.location },
      ...usedTypes.map((name) => ({ $type: voyagerTypes.employmentType, entityUrn: typeUrn(name), name })),
      ...groupEntities.flatMap(({ group, positions }) => [group, ...positions]),
      ...educations,
      ...skills,
    ],
  };
}

/** The signed-in viewer's own profile, which every Ember page also embeds: a reader must not take it for the member. */
const viewerResponse = {
  data: { '*me': 'urn:li:fsd_profile:ACoAAH2qR5sT8uV1wX4yZ7aB0cD3eF6gH9iJ2kL' },
  included: [
    {
      $type: voyagerTypes.profile,
      entityUrn: 'urn:li:fsd_profile:ACoAAH2qR5sT8uV1wX4yZ7aB0cD3eF6gH9iJ2kL',
      publicIdentifier: 'hannah-whitfield-talent',
      firstName: 'Hannah',
      lastName: 'Whitfield',
      headline: 'Talent Partner at Acme',
    },
  ],
};

function codeBlob(id: string, request: string, body: unknown): Html {
  return html`<code style="display: none" id="datalet-bpr-guid-${id}"
      >${JSON.stringify({ request, status: 200, body: `bpr-guid-${id}` })}</code
    >
    <code style="display: none" id="bpr-guid-${id}">${JSON.stringify(body)}</code>`;
}

/** Ember prints visible text once for the eye and once, in a visually-hidden span, for screen readers. */
function twin(text: string, spoken = text): Html {
  return html`<span aria-hidden="true"><!---->${text}<!----></span
    ><span class="visually-hidden"><!---->${spoken}<!----></span>`;
}

function entity(logo: Html, lines: Html, subComponents: Html = html``): Html {
  return html`<div class="pvs-entity pvs-entity--padded" data-view-name="profile-component-entity">
    <div>${logo}</div>
    <div class="display-flex flex-column full-width align-self-center">
      <div class="display-flex flex-column full-width">${lines}</div>
      ${subComponents}
    </div>
  </div>`;
}

function logo(companies: LinkedinCompany[], name: string, slug: string | undefined): Html {
  const known = slug && companies.some((company) => company.slug === slug);
  return known
    ? html`<a
        data-field="experience_company_logo"
        href="/company/${slug}/"
        data-spa-link
        class="optional-action-target-wrapper"
        ><img alt="${name} logo" width="48" height="48"
      /></a>`
    : html`<span class="ivm-image-view-model"><img alt="${name} logo" width="48" height="48" /></span>`;
}

const bold = (text: string) => html`<div class="display-flex align-items-center mr1 t-bold">${twin(text)}</div>`;
const normal = (text: string) => html`<span class="t-14 t-normal">${twin(text)}</span>`;
const light = (text: string, spoken = text) =>
  html`<span class="t-14 t-normal t-black--light">${twin(text, spoken)}</span>`;
const caption = (text: string) =>
  html`<span class="t-14 t-normal t-black--light"
    ><span class="pvs-entity__caption-wrapper" aria-hidden="true">${text}</span
    ><span class="visually-hidden">${text.replace(' - ', ' to ')}</span></span
  >`;
const description = (text: string) =>
  html`<div class="pvs-entity__sub-components">
    <ul>
      <li>
        <div class="inline-show-more-text">
          ${twin(text)}<button class="inline-show-more-text__button">…see more</button>
        </div>
      </li>
    </ul>
  </div>`;

function role(item: Experience, shownType: boolean): Html {
  return html`${bold(item.title)} ${shownType ? normal(item.employmentType) : html``} ${caption(dateCaption(item))}
  ${light(item.location)}`;
}

function experienceItem(companies: LinkedinCompany[], group: ExperienceGroup): Html {
  const [only] = group.roles;
  if (group.roles.length === 1 && only) {
    return html`<li class="artdeco-list__item pvs-list__paged-list-item">
      ${entity(
        logo(companies, group.company, group.companySlug),
        html`${bold(only.title)} ${normal(`${only.company} · ${only.employmentType}`)} ${caption(dateCaption(only))}
        ${light(only.location)}`,
        description(only.description),
      )}
    </li>`;
  }
  const type = sharedValue(group.roles, (item) => item.employmentType);
  return html`<li class="artdeco-list__item pvs-list__paged-list-item">
    ${entity(
      logo(companies, group.company, group.companySlug),
      html`${bold(group.company)} ${normal(type ? `${type} · ${groupDuration(group)}` : groupDuration(group))}`,
      html`<div class="pvs-entity__sub-components">
        <ul>
          ${group.roles.map(
            (item) =>
              html`<li class="pvs-list__paged-list-item">
                ${entity(html``, role(item, !type), description(item.description))}
              </li>`,
          )}
        </ul>
      </div>`,
    )}
  </li>`;
}

function card(id: string, title: string, body: Html, footer: Html = html``): Html {
  return html`<section class="artdeco-card pv-profile-card break-words" data-view-name="profile-card">
    <div id="${id}" class="pv-profile-card__anchor"></div>
    <div class="pvs-header__container">
      <div class="pvs-header__title-container"><h2 class="pvs-header__title">${twin(title)}</h2></div>
    </div>
    ${body} ${footer}
  </section>`;
}

function showAll(profile: SandboxProfile, section: string, count: number, noun: string): Html {
  return count > 5
    ? html`<div class="pvs-list__footer-wrapper">
        <a href="/in/${profile.slug}/details/${section}/">Show all ${count} ${noun}</a>
      </div>`
    : html``;
}

export function voyagerProfile(
  profile: SandboxProfile,
  everyone: SandboxProfile[],
  companies: LinkedinCompany[],
  overlay: boolean,
): Html {
  const groups = groupExperience(profile.experience);
  const guid = profile.memberUrn.slice(-6);
  return html`<div class="scaffold-layout__main" data-sandbox-variant="voyager">
    ${codeBlob('viewer', '/voyager/api/me', viewerResponse)}
    ${codeBlob(
      guid,
      `/voyager/api/identity/dash/profiles?q=memberIdentity&memberIdentity=${encodeURIComponent(profile.slug)}&decorationId=com.linkedin.voyager.dash.deco.identity.profile.FullProfileWithEntities-93`,
      voyagerProfileResponse(profile),
    )}
    <section class="artdeco-card pv-top-card" aria-label="Profile">
      <div class="pv-text-details__left-panel">
        <div>
          <a href="/in/${profile.slug}/" data-spa-link
            ><h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">${profile.name}</h1></a
          >
        </div>
        <span class="text-body-small v-align-middle distance-badge separator"
          ><span class="visually-hidden">2nd degree connection</span
          ><span aria-hidden="true" class="dist-value">2nd</span></span
        >
        <div class="text-body-medium break-words">${profile.headline}</div>
      </div>
      <div class="pv-text-details__left-panel mt2">
        <span class="text-body-small inline t-black--light break-words">${profile.location}</span>
        <span class="pv-text-details__separator t-black--light"
          ><a
            href="/in/${profile.slug}/overlay/contact-info/"
            id="top-card-text-details-contact-info"
            class="link-without-visited-state"
            data-spa-link
            >Contact info</a
          ></span
        >
      </div>
      <ul class="pv-top-card--list">
        <li class="text-body-small"><span class="t-bold">500+</span> connections</li>
      </ul>
      <div class="pv-top-card-v2-ctas">
        <a class="artdeco-button artdeco-button--primary" href="${messageHref(profile.memberUrn)}">Message</a>
        <button class="artdeco-button" aria-label="More actions">More</button>
      </div>
    </section>
    ${
      profile.about
        ? card(
            'about',
            'About',
            html`<div class="display-flex ph5 pv3">
              <div class="inline-show-more-text inline-show-more-text--is-collapsed">
                ${twin(profile.about)}<button class="inline-show-more-text__button">…see more</button>
              </div>
            </div>`,
          )
        : html``
    }
    ${
      groups.length
        ? card(
            'experience',
            'Experience',
            html`<div>
              <ul>
                ${groups.map((group) => experienceItem(companies, group))}
              </ul>
            </div>`,
            showAll(profile, 'experience', profile.experience.length, 'experiences'),
          )
        : html``
    }
    ${
      profile.education.length
        ? card(
            'education',
            'Education',
            html`<div>
              <ul>
                ${profile.education.map(
                  (item) =>
                    html`<li class="artdeco-list__item pvs-list__paged-list-item">
                      ${entity(
                        html`<img alt="${item.school} logo" width="48" height="48" />`,
                        html`${bold(item.school)} ${normal(`${item.degree}, ${item.field}`)}
                        ${caption(`${item.start} - ${item.end}`)}`,
                      )}
                    </li>`,
                )}
              </ul>
            </div>`,
          )
        : html``
    }
    ${
      profile.skills.length
        ? card(
            'skills',
            'Skills',
            html`<div>
              <ul>
                ${profile.skills.map(
                  (skill, index) =>
                    html`<li class="artdeco-list__item pvs-list__paged-list-item">
                      ${entity(html``, bold(skill))}
                      <div class="pvs-entity__sub-components">
                        <ul>
                          <li>${light(`${index + 3} endorsements`)}</li>
                        </ul>
                      </div>
                    </li>`,
                )}
              </ul>
            </div>`,
            showAll(profile, 'skills', profile.skills.length, 'skills'),
          )
        : html``
    }
    ${peopleAlsoViewed(everyone, profile, { cls: (key) => `pv-${key}` })} ${overlay ? contactOverlay(profile) : html``}
  </div>`;
}
