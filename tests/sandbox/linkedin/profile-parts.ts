import { html, type Html } from '../html.ts';
import type { Experience } from '../store.ts';
import type { SandboxProfile } from './profiles.ts';

/** Roles at one company in a row, which LinkedIn shows as one company entry with a list of roles. */
export interface ExperienceGroup {
  company: string;
  companySlug?: string;
  roles: Experience[];
}

export function groupExperience(experience: Experience[]): ExperienceGroup[] {
  const groups: ExperienceGroup[] = [];
  for (const item of experience) {
    const last = groups.at(-1);
    if (last && last.company === item.company) last.roles.push(item);
    else groups.push({ company: item.company, companySlug: item.companySlug, roles: [item] });
  }
  return groups;
}

/** Every group's roles share this value, or undefined: LinkedIn then shows it once in the company header. */
export function sharedValue(roles: Experience[], pick: (role: Experience) => string): string | undefined {
  const first = roles[0];
  return first && roles.every((role) => pick(role) === pick(first)) ? pick(first) : undefined;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2022" → { month: 3, year: 2022 }; "2019" → { year: 2019 }, the shape Voyager's `dateRange` uses. */
export function parseProfileDate(value: string): { month?: number; year: number } {
  const [first = '', second] = value.split(' ');
  if (second === undefined) return { year: Number(first) };
  return { month: months.indexOf(first) + 1, year: Number(second) };
}

// Fixed, so durations in the pages (and any snapshot of them) do not change with the day the tests run.
const today = { month: 12, year: 2026 };

function monthIndex(value: string | undefined): number {
  const date = value ? parseProfileDate(value) : today;
  return date.year * 12 + (date.month ?? 1) - 1;
}

/** LinkedIn's "2 yrs 10 mos", counting both the first and the last month. */
export function durationLabel(start: string, end: string | undefined, long = false): string {
  const total = Math.max(1, monthIndex(end) - monthIndex(start) + 1);
  const years = Math.floor(total / 12);
  const rest = total % 12;
  const unit = (count: number, short: string, full: string) =>
    long ? `${count} ${full}${count === 1 ? '' : 's'}` : `${count} ${short}${count === 1 ? '' : 's'}`;
  return [years ? unit(years, 'yr', 'year') : '', rest ? unit(rest, 'mo', 'month') : ''].filter(Boolean).join(' ');
}

export function groupDuration(group: ExperienceGroup, long = false): string {
  const earliest = group.roles.at(-1)?.start ?? '';
  const latest = group.roles[0]?.end;
  return durationLabel(earliest, group.roles.some((role) => !role.end) ? undefined : latest, long);
}

/** "Mar 2022 - Present · 4 yrs 10 mos", the caption every rendering shows under a role. */
export function dateCaption(role: Experience): string {
  return `${role.start} - ${role.end ?? 'Present'} · ${durationLabel(role.start, role.end)}`;
}

/** The Message link as LinkedIn prints it: percent-encoded URN plus the bare member id as recipient. */
export function messageHref(memberUrn: string): string {
  const memberId = memberUrn.split(':').at(-1) ?? '';
  return `/messaging/compose/?profileUrn=${encodeURIComponent(memberUrn)}&recipient=${memberId}&screenContext=NON_SELF_PROFILE_VIEW`;
}

/**
 * JSON inside `<script>` is raw text, so entity-escaping would corrupt it; escaping `<`, `>` and `&` as JSON
 * unicode escapes keeps it valid JSON and makes `</script>` impossible, which is the escaping that context needs.
 */
export function scriptJson(value: unknown): Html {
  return {
    trustedHtml: JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  };
}

export function firstAndLastName(name: string): { firstName: string; lastName: string } {
  const [firstName = '', ...rest] = name.trim().split(/\s+/);
  return { firstName, lastName: rest.join(' ') };
}

/**
 * Contact info as LinkedIn's overlay shows it. With `hashed` class names the phone is printed as text, as the Ember
 * overlay also does; otherwise as a `tel:` link. Both shapes exist, so the reader must handle both.
 */
export function contactOverlay(profile: SandboxProfile, options: { hashed?: (key: string) => string } = {}): Html {
  const css = options.hashed ?? ((key: string) => `pv-contact-info__${key}`);
  const phone = options.hashed
    ? html`<span class="${css('phone-number')}">${profile.contact.phone}</span>`
    : html`<a href="tel:${profile.contact.phone.replace(/\s/g, '')}">${profile.contact.phone}</a>`;
  return html`<div
    role="dialog"
    aria-modal="true"
    aria-labelledby="contact-info-title"
    class="${css('modal')}"
    data-view-name="profile-contact-info"
  >
    <header class="${css('header')}">
      <h1 class="${css('name')}">${profile.name}</h1>
      <h2 id="contact-info-title" class="${css('title')}">Contact info</h2>
      <a href="/in/${profile.slug}/" data-spa-link aria-label="Dismiss">×</a>
    </header>
    <section class="${css('section')}">
      <h3 class="${css('heading')}">${profile.name.split(' ')[0]}’s Profile</h3>
      <a href="https://www.linkedin.com/in/${profile.slug}">linkedin.com/in/${profile.slug}</a>
    </section>
    <section class="${css('section')}">
      <h3 class="${css('heading')}">Website</h3>
      <ul>
        <li>
          <a href="${profile.contact.website}" target="_blank" rel="noopener">${profile.contact.website}</a>
          <span>(Personal)</span>
        </li>
      </ul>
    </section>
    <section class="${css('section')}">
      <h3 class="${css('heading')}">Phone</h3>
      <ul>
        <li>${phone} <span>(Mobile)</span></li>
      </ul>
    </section>
    <section class="${css('section')}">
      <h3 class="${css('heading')}">Email</h3>
      <a href="mailto:${profile.contact.email}">${profile.contact.email}</a>
    </section>
  </div>`;
}

/** Other people in the sidebar, each with their own Message link: the reader must not take their URN or names. */
export function peopleAlsoViewed(
  profiles: SandboxProfile[],
  current: SandboxProfile,
  options: { cls?: (key: string) => string; loggedOut?: boolean } = {},
): Html {
  const cls = options.cls ?? ((key: string) => key);
  const others = profiles.filter((profile) => profile.slug !== current.slug).slice(0, 2);
  return html`<aside class="${cls('aside')}" aria-label="More profiles for you">
    <h2 class="${cls('aside-title')}">More profiles for you</h2>
    <ul>
      ${others.map(
        (other) =>
          html`<li>
            <a href="/in/${other.slug}/" data-spa-link><h3>${other.name}</h3></a>
            <p>${other.headline}</p>
            <p>${other.location}</p>
            ${
              options.loggedOut
                ? html``
                : html`<a href="${messageHref(other.memberUrn)}" aria-label="Message ${other.name}">Message</a>`
            }
          </li>`,
      )}
    </ul>
  </aside>`;
}
