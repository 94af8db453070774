import type { ProfileEducation, ProfileExperience, ProfileSnapshot, ProfileSource } from '@/lib/core/profile';
import { normalizeProfileUrl } from '@/lib/providers/linkedin/page';

/*
 * Reads a LinkedIn profile from the page the user already has open (shared/reference/linkedin-and-form-filling.md
 * §2). Three sources, in order of preference, merged per field:
 *   1. Voyager data the Ember page embeds: `<code>` elements holding entity-escaped JSON of the dash "normalized"
 *      shape `{ data, included: [{ $type, entityUrn, … }] }`, entities linked by `*field` URN references. The page
 *      also embeds the signed-in viewer's own Profile entity, so the member is the one whose `publicIdentifier` is
 *      the URL's slug. (The flagship SDUI `rehydrate-data` payload is not read: its format is not documented well
 *      enough to read without guessing; those pages are read through their DOM.)
 *   2. The DOM, by meaning only: `h1`, the top card's text lines, `h2` section headings and their list items,
 *      `data-view-name`, ARIA; visible `span[aria-hidden="true"]` text is read and its screen-reader twin skipped.
 *      Class names are never relied on (they are hashed in 2026), except the unhashed `visually-hidden` utility.
 *   3. The logged-out page's JSON-LD `Person`.
 * Contact details come only from the contact-info dialog while it is open. Nothing is fetched and nothing guessed:
 * what no source shows stays empty and is listed in `missing`.
 */

type ProfileFields = Partial<
  Pick<
    ProfileSnapshot,
    | 'memberUrn'
    | 'name'
    | 'firstName'
    | 'lastName'
    | 'headline'
    | 'location'
    | 'about'
    | 'experience'
    | 'education'
    | 'skills'
  >
>;
type Missing = ProfileSnapshot['missing'][number];
type Entity = Record<string, unknown>;

const textNode = 3;
const elementNode = 1;

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const employmentTypes = new Set(
  [
    'Full-time',
    'Part-time',
    'Self-employed',
    'Freelance',
    'Contract',
    'Internship',
    'Apprenticeship',
    'Seasonal',
    'Temporary',
  ].map((type) => type.toLowerCase()),
);

const datePart = String.raw`(?:[A-Z][a-z]{2,8}\.? )?\d{4}`;
/** "Mar 2022 - Present · 4 yrs 10 mos", "2014 - 2016", also "… Present 4 years" where the dot is CSS. */
const dateRangePattern = new RegExp(String.raw`^(${datePart})\s*[-–—]\s*(Present|${datePart})(?=$|\s|·)`);
const educationDatePattern = new RegExp(
  String.raw`^(?:[A-Z][a-z]{2,8}\.? )?(\d{4})(?:\s*[-–—]\s*(?:(?:[A-Z][a-z]{2,8}\.? )?(\d{4})|Present))?(?=$|\s|·)`,
);
const durationPattern = /^(?:\d+\s+(?:yrs?|years?|mos?|months?)\s*)+$/i;
const placePart = String.raw`[\p{L}\p{M}][\p{L}\p{M}\s.'’()-]*`;
/** "City, Region, Country" as LinkedIn prints a location: only trusted where a location belongs. */
const locationPattern = new RegExp(String.raw`^${placePart}(?:,\s*${placePart}){1,3}$`, 'u');
const areaPattern = /^[\p{L}\p{M}\s.'’-]+\s(?:Area|Region)$/u;
const workplacePattern = /\s*·\s*(?:On-site|Remote|Hybrid)$/i;
const noisePattern = /^(?:[·•|,\-–—\s]*|…?\s*see (?:more|less)|show (?:all|more|less)\b.*)$/i;
const badgePattern = /^(?:·\s*)?(?:1st|2nd|3rd\+?)(?:\s+degree connection)?$|^\p{L}+\/\p{L}+(?:\/\p{L}+)?$/iu;
const topCardEndPattern = /\b(?:connections?|followers?)$/i;
const chromeSelector = '[role="dialog"], dialog, [aria-modal="true"], aside, header, nav';
const blockTags = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(
    ' ',
  ),
);
const blockSelector = [...blockTags].join(',').toLowerCase();
const skippedTags = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'BUTTON',
  'SVG',
  'IMG',
  'CODE',
  'INPUT',
  'SELECT',
]);

// ---------------------------------------------------------------------------------------------------------------
// Text

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? normalize(value) : undefined;
}

function isSkipped(element: Element): boolean {
  return skippedTags.has(element.tagName.toUpperCase()) || element.hasAttribute('hidden');
}

/** The screen-reader copy of text that sits visibly next to it in `span[aria-hidden="true"]`: read once, not twice. */
function isHiddenTwin(element: Element): boolean {
  if (element.getAttribute('aria-hidden') === 'true') return false;
  // The Ember utility class is stable; in the hashed DOM only the pairing with an aria-hidden sibling gives it away.
  if (element.classList.contains('visually-hidden') || element.classList.contains('sr-only')) return true;
  const parent = element.parentElement;
  const text = normalize(element.textContent ?? '');
  if (!parent || !text) return false;
  return [...parent.children].some(
    (sibling) =>
      sibling !== element &&
      sibling.tagName.toUpperCase() === 'SPAN' &&
      sibling.getAttribute('aria-hidden') === 'true' &&
      normalize(sibling.textContent ?? '') === text,
  );
}

function isRead(element: Element): boolean {
  return !isSkipped(element) && !isHiddenTwin(element);
}

function rawText(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === textNode) text += child.textContent ?? '';
    else if (child.nodeType === elementNode) {
      const element = child as Element;
      if (!isRead(element)) continue;
      if (element.tagName.toUpperCase() === 'BR') text += ' ';
      else if (blockTags.has(element.tagName.toUpperCase())) text += ` ${rawText(element)} `;
      else text += rawText(element);
    }
  }
  return text;
}

/** Visible text of an element, each twin pair read once. */
function textOf(element: Element): string {
  return normalize(rawText(element));
}

/**
 * The element's text as the separate runs a reader sees (title, "Company · Full-time", dates, location…), which
 * is the structure every rendering shares even when its markup and classes differ.
 */
function linesOf(root: Element, exclude: (element: Element) => boolean = () => false): string[] {
  const lines: string[] = [];
  const push = (text: string) => {
    const line = normalize(text).replace(/\s*…\s*see more$/i, '');
    if (line && !noisePattern.test(line)) lines.push(line);
  };
  const visit = (element: Element) => {
    if (!isRead(element) || exclude(element)) return;
    const children = [...element.children].filter(isRead);
    const ownText = [...element.childNodes].some(
      (node) => node.nodeType === textNode && normalize(node.textContent ?? ''),
    );
    // Spans side by side with nothing between them are separate facts ("MSc" | "Computer Science").
    const spanRow =
      !ownText && children.length >= 2 && children.every((child) => child.tagName.toUpperCase() === 'SPAN');
    if (!spanRow && !element.querySelector(blockSelector)) {
      push(textOf(element));
      return;
    }
    for (const child of element.childNodes) {
      if (child.nodeType === textNode) push(child.textContent ?? '');
      else if (child.nodeType === elementNode) visit(child as Element);
    }
  };
  visit(root);
  return lines;
}

function outsideChrome(element: Element): boolean {
  return element.closest(chromeSelector) === null;
}

// ---------------------------------------------------------------------------------------------------------------
// Names, dates, places

const credentials =
  /^(?:PhD|Ph\.D\.?|MBA|CPA|CFA|PMP|MD|M\.D\.|MSc|BSc|MS|MA|BA|PE|PHR|SPHR|SHRM-(?:CP|SCP)|CISSP|CIPD|FCA|ACA)$/i;

/** The name without emoji, pronouns, honorifics and trailing credentials ("Jane Doe, PhD" → "Jane Doe"). */
function bareName(name: string): string {
  const tokens = normalize(
    (name.split(',')[0] ?? '')
      .replace(/\p{Extended_Pictographic}|\u200d|\ufe0f/gu, ' ')
      .replace(/\((?:she|he|they|ze|xe)\/[^)]*\)/giu, ' '),
  )
    .split(' ')
    .filter(Boolean);
  while (tokens.length > 1 && /^(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?$/i.test(tokens[0] ?? '')) tokens.shift();
  while (tokens.length > 1 && credentials.test(tokens.at(-1) ?? '')) tokens.pop();
  return tokens.join(' ');
}

/** First token and the rest; a name written without spaces (王小明) is all first name, never split by guesswork. */
function splitName(name: string): { firstName: string; lastName: string } {
  const [firstName = '', ...rest] = bareName(name).split(' ');
  return { firstName, lastName: rest.join(' ') };
}

function isEmploymentType(text: string): boolean {
  return employmentTypes.has(text.toLowerCase());
}

function isEntryLocation(line: string): boolean {
  const place = line.replace(workplacePattern, '');
  return /^(?:Remote|On-site|Hybrid)$/i.test(place) || locationPattern.test(place) || areaPattern.test(place);
}

function monthYear(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const match = /^(\d{4})(?:-(\d{2}))?/.exec(value);
    if (!match?.[1]) return undefined;
    const month = match[2] ? monthNames[Number(match[2]) - 1] : undefined;
    return month ? `${month} ${match[1]}` : match[1];
  }
  if (value && typeof value === 'object') {
    const { month, year } = value as { month?: unknown; year?: unknown };
    if (typeof year !== 'number') return undefined;
    const name = typeof month === 'number' ? monthNames[month - 1] : undefined;
    return name ? `${name} ${year}` : String(year);
  }
  return undefined;
}

function yearOf(value: unknown): string | undefined {
  return monthYear(value)?.slice(-4);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Voyager JSON embedded in `<code>`

function isRecord(value: unknown): value is Entity {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const voyager = 'com.linkedin.voyager.dash.identity.profile';
const voyagerType = {
  profile: `${voyager}.Profile`,
  positionGroup: `${voyager}.PositionGroup`,
  position: `${voyager}.Position`,
  education: `${voyager}.Education`,
  skill: `${voyager}.Skill`,
};

function decodeSlug(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function readVoyager(document: Document, slug: string): ProfileFields | undefined {
  const entities = new Map<string, Entity>();
  const ordered: Entity[] = [];
  for (const code of document.querySelectorAll('code')) {
    const text = code.textContent?.trim() ?? '';
    if (!text.startsWith('{') || !text.includes('"included"')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const included = isRecord(parsed) && Array.isArray(parsed.included) ? parsed.included : [];
    for (const item of included) {
      if (!isRecord(item)) continue;
      ordered.push(item);
      if (typeof item.entityUrn === 'string') entities.set(item.entityUrn, item);
    }
  }
  const wanted = slug.toLowerCase();
  const profile = ordered.find(
    (entity) =>
      entity.$type === voyagerType.profile &&
      typeof entity.publicIdentifier === 'string' &&
      decodeSlug(entity.publicIdentifier).toLowerCase() === wanted,
  );
  if (!profile) return undefined;
  const memberUrn = typeof profile.entityUrn === 'string' ? profile.entityUrn : undefined;
  const memberId = memberUrn?.split(':').at(-1) ?? '\u0000';

  const references = (value: unknown): string[] => {
    if (typeof value === 'string') return references(entities.get(value)?.['*elements']);
    if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
    if (isRecord(value)) return references(value['*elements']);
    return [];
  };
  const linked = (owner: Entity, field: string, type: string): Entity[] =>
    references(owner[field] ?? owner[`*${field}`])
      .map((urn) => entities.get(urn))
      .filter((entity): entity is Entity => entity?.$type === type);
  // When the response does not link its collections, the member's own entities carry the member id in their URN.
  const owned = (type: string) =>
    ordered.filter(
      (entity) => entity.$type === type && typeof entity.entityUrn === 'string' && entity.entityUrn.includes(memberId),
    );
  const listed = (field: string, type: string) => {
    const found = linked(profile, field, type);
    return found.length ? found : owned(type);
  };
  const nameOf = (value: unknown): string | undefined => {
    if (typeof value === 'string')
      return value.startsWith('urn:') ? nonEmpty(entities.get(value)?.name) : nonEmpty(value);
    return isRecord(value) ? nonEmpty(value.name) : undefined;
  };

  const groups = listed('profilePositionGroups', voyagerType.positionGroup);
  let positions: Array<{ position: Entity; group?: Entity }> = groups.flatMap((group) =>
    linked(group, 'profilePositionInPositionGroup', voyagerType.position).map((position) => ({ position, group })),
  );
  if (!positions.length) positions = owned(voyagerType.position).map((position) => ({ position }));
  const experience = positions.flatMap(({ position, group }): ProfileExperience[] => {
    const title = nonEmpty(position.title);
    const company = nonEmpty(position.companyName) ?? nameOf(position.company) ?? nonEmpty(group?.companyName);
    if (!title && !company) return [];
    const range = isRecord(position.dateRange) ? position.dateRange : {};
    const period = isRecord(position.timePeriod) ? position.timePeriod : {};
    const start = monthYear(range.start ?? period.startDate);
    const end = monthYear(range.end ?? period.endDate);
    return [
      {
        title: title ?? '',
        company: company ?? '',
        employmentType: nameOf(position['*employmentType'] ?? position.employmentType ?? position.employmentTypeUrn),
        start,
        end,
        current: start !== undefined && end === undefined,
        location: nonEmpty(position.locationName) ?? nonEmpty(position.geoLocationName),
        description: nonEmpty(position.description),
      },
    ];
  });

  const education = listed('profileEducations', voyagerType.education).flatMap((item): ProfileEducation[] => {
    const school = nonEmpty(item.schoolName) ?? nameOf(item['*school'] ?? item.school);
    if (!school) return [];
    const range = isRecord(item.dateRange) ? item.dateRange : {};
    const period = isRecord(item.timePeriod) ? item.timePeriod : {};
    return [
      {
        school,
        degree: nonEmpty(item.degreeName),
        field: nonEmpty(item.fieldOfStudy),
        startYear: yearOf(range.start ?? period.startDate),
        endYear: yearOf(range.end ?? period.endDate),
      },
    ];
  });

  const skills = listed('profileSkills', voyagerType.skill).flatMap((skill) => nonEmpty(skill.name) ?? []);
  const geo = isRecord(profile.geoLocation) ? profile.geoLocation : {};
  const location =
    (isRecord(geo.geo) ? nonEmpty(geo.geo.defaultLocalizedName) : undefined) ??
    (typeof geo['*geo'] === 'string' ? nonEmpty(entities.get(geo['*geo'])?.defaultLocalizedName) : undefined) ??
    nonEmpty(profile.geoLocationName) ??
    nonEmpty(profile.locationName);

  const first = nonEmpty(profile.firstName) ?? '';
  const last = nonEmpty(profile.lastName) ?? '';
  const name = normalize(`${first} ${last}`);
  return {
    memberUrn,
    name: name || undefined,
    firstName: bareName(first),
    // Members often type credentials into the last-name field ("Kowalska, PhD").
    lastName: bareName(last),
    headline: nonEmpty(profile.headline),
    location,
    about: nonEmpty(profile.summary),
    experience,
    education,
    skills,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. The DOM

function findSection(document: Document, title: string): { section: Element; heading: Element } | undefined {
  const wanted = title.toLowerCase();
  for (const heading of document.querySelectorAll('h2')) {
    if (!outsideChrome(heading) || textOf(heading).toLowerCase() !== wanted) continue;
    const section = heading.closest('section') ?? heading.parentElement?.parentElement;
    if (section) return { section, heading };
  }
  return undefined;
}

/** Entries of a section: its outermost list items (nested ones are a company's roles or an entry's details). */
function entriesOf(section: Element): Element[] {
  const items = [...section.querySelectorAll('li')].filter((item) => {
    const outer = item.parentElement?.closest('li');
    return !outer || !section.contains(outer);
  });
  if (items.length) return items;
  return [...section.querySelectorAll('[data-view-name="profile-component-entity"]')].filter(
    (entity) => !entity.parentElement?.closest('[data-view-name="profile-component-entity"]'),
  );
}

const hasDates = (lines: string[]) => lines.some((line) => dateRangePattern.test(line));

interface GroupHeader {
  company: string;
  employmentType?: string;
  location?: string;
}

function parseRole(lines: string[], group?: GroupHeader): ProfileExperience | undefined {
  const [title, ...rest] = lines;
  if (!title) return undefined;
  const dateIndex = rest.findIndex((line) => dateRangePattern.test(line));
  const before = dateIndex < 0 ? rest.slice(0, 1) : rest.slice(0, dateIndex);
  const after = dateIndex < 0 ? rest.slice(1) : rest.slice(dateIndex + 1);
  const parts = before.flatMap((line) => line.split(' · ').map(normalize)).filter(Boolean);
  const company = group?.company ?? parts.shift() ?? '';
  const dates = dateIndex < 0 ? undefined : dateRangePattern.exec(rest[dateIndex] ?? '');
  const present = dates?.[2] === 'Present';
  const location = after[0] !== undefined && isEntryLocation(after[0]) ? after.shift() : group?.location;
  const description = after.filter((line) => !/^Skills:/i.test(line)).join('\n');
  return {
    title,
    company,
    employmentType: parts.find(isEmploymentType) ?? group?.employmentType,
    start: dates?.[1],
    end: present ? undefined : dates?.[2],
    current: present,
    location,
    description: description || undefined,
  };
}

function parseGroupHeader(lines: string[]): GroupHeader | undefined {
  const [company, ...rest] = lines;
  if (!company) return undefined;
  const parts = rest.flatMap((line) => line.split(' · ').map(normalize));
  return {
    company,
    employmentType: parts.find(isEmploymentType),
    location: rest.find((line) => !durationPattern.test(line) && isEntryLocation(line)),
  };
}

function readExperience(section: Element, heading: Element): ProfileExperience[] {
  return entriesOf(section).flatMap((entry): ProfileExperience[] => {
    if (entry.contains(heading)) return [];
    const isList = (element: Element) => element !== entry && ['UL', 'OL'].includes(element.tagName.toUpperCase());
    const header = linesOf(entry, isList);
    if (hasDates(header)) return [parseRole(linesOf(entry))].filter((role) => role !== undefined);
    // A company entry whose own lines carry no dates: its roles are the outermost nested items that do.
    const dated = [...entry.querySelectorAll('li')].filter((item) => hasDates(linesOf(item)));
    const roles = dated.filter((item) => !dated.some((other) => other !== item && other.contains(item)));
    const group = parseGroupHeader(header);
    if (!roles.length || !group) return [parseRole(linesOf(entry))].filter((role) => role !== undefined);
    return roles.flatMap((role) => parseRole(linesOf(role), group) ?? []);
  });
}

function parseEducation(lines: string[]): ProfileEducation | undefined {
  const [school, ...rest] = lines;
  if (!school) return undefined;
  const dateIndex = rest.findIndex((line) => educationDatePattern.test(line));
  const before = (dateIndex < 0 ? rest.slice(0, 1) : rest.slice(0, dateIndex)).filter(
    (line) => !/^(?:Grade|Activities and societies):/i.test(line),
  );
  const [first, second] = before;
  let degree: string | undefined;
  let field: string | undefined;
  if (first !== undefined && second !== undefined && !first.includes(', ')) [degree, field] = [first, second];
  else if (first !== undefined) {
    const comma = first.indexOf(', ');
    [degree, field] = comma < 0 ? [first, undefined] : [first.slice(0, comma), first.slice(comma + 2)];
  }
  const years = dateIndex < 0 ? undefined : educationDatePattern.exec(rest[dateIndex] ?? '');
  return { school, degree, field, startYear: years?.[1], endYear: years?.[2] };
}

function readTopCard(document: Document): ProfileFields {
  const heading = [...document.querySelectorAll('h1')].find((h1) => outsideChrome(h1) && textOf(h1));
  const titleName = /^(?:\(\d+\+?\)\s*)?(.+?)\s*\|\s*LinkedIn\s*$/.exec(document.title)?.[1];
  const name = heading ? textOf(heading) : nonEmpty(titleName);
  if (!heading) return name ? { name } : {};
  const card = heading.closest('section') ?? heading.parentElement?.parentElement ?? heading;
  const lines = linesOf(card);
  const rest = lines.slice(Math.max(0, lines.indexOf(textOf(heading))) + 1);
  const end = rest.findIndex((line) => topCardEndPattern.test(line));
  const candidates = (end < 0 ? rest : rest.slice(0, end)).filter((line) => !badgePattern.test(line));
  const [headline, ...afterHeadline] = candidates;
  const location = afterHeadline
    .map((line) => line.replace(/\s*·?\s*Contact info$/i, ''))
    .find((line) => locationPattern.test(line) || areaPattern.test(line));
  return {
    name,
    headline: headline && !/^Contact info$/i.test(headline) ? headline : undefined,
    location,
    memberUrn: memberUrnFromLinks(card) ?? memberUrnFromLinks(document),
  };
}

/** The Message link's `profileUrn`: from the top card, or the page when all its links agree (sidebars excluded). */
function memberUrnFromLinks(root: ParentNode): string | undefined {
  const urns = new Set<string>();
  for (const link of root.querySelectorAll('a[href*="profileUrn="]')) {
    if (!outsideChrome(link)) continue;
    try {
      const urn = new URL(link.getAttribute('href') ?? '', 'https://www.linkedin.com').searchParams.get('profileUrn');
      if (urn && /^urn:li:fsd_profile:[A-Za-z0-9_-]+$/.test(urn)) urns.add(urn);
    } catch {
      // A malformed href says nothing about the member.
    }
  }
  return urns.size === 1 ? [...urns][0] : undefined;
}

function readDom(document: Document): ProfileFields {
  const fields: ProfileFields = readTopCard(document);
  const about = findSection(document, 'About');
  if (about) fields.about = linesOf(about.section, (element) => element === about.heading).join('\n') || undefined;
  const experience = findSection(document, 'Experience');
  if (experience) fields.experience = readExperience(experience.section, experience.heading);
  const education = findSection(document, 'Education');
  if (education) {
    fields.education = entriesOf(education.section).flatMap((entry) => parseEducation(linesOf(entry)) ?? []);
  }
  const skills = findSection(document, 'Skills');
  if (skills) fields.skills = entriesOf(skills.section).flatMap((entry) => linesOf(entry)[0] ?? []);
  return fields;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. JSON-LD on the logged-out page

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function hasType(entity: Entity, type: string): boolean {
  return asArray(entity['@type']).includes(type);
}

function readJsonLd(document: Document, slug: string): ProfileFields | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const nodes = asArray(parsed).flatMap((node) =>
      isRecord(node) && node['@graph'] ? asArray(node['@graph']) : [node],
    );
    const person = nodes.find(
      (node): node is Entity =>
        isRecord(node) &&
        hasType(node, 'Person') &&
        // A Person for someone else (a post author, a reviewer) is not this member.
        (typeof node.url !== 'string' || decodeSlug(node.url).replace(/\/$/, '').endsWith(`/in/${slug}`)),
    );
    if (!person) continue;
    const address = isRecord(person.address) ? person.address : {};
    const organizations = (value: unknown, current: boolean): ProfileExperience[] =>
      asArray(value).flatMap((organization): ProfileExperience[] => {
        if (!isRecord(organization) || hasType(organization, 'EducationalOrganization')) return [];
        const member = isRecord(organization.member) ? organization.member : {};
        const company = nonEmpty(organization.name);
        if (!company) return [];
        const end = monthYear(member.endDate);
        return [
          {
            // JSON-LD names the employer but not the role; the title stays empty rather than borrowed.
            title: '',
            company,
            start: monthYear(member.startDate),
            end,
            current: current && end === undefined,
            location: nonEmpty(organization.location),
            description: nonEmpty(member.description),
          },
        ];
      });
    const education = asArray(person.alumniOf).flatMap((school): ProfileEducation[] => {
      if (!isRecord(school) || !hasType(school, 'EducationalOrganization')) return [];
      const name = nonEmpty(school.name);
      const member = isRecord(school.member) ? school.member : {};
      return name ? [{ school: name, startYear: yearOf(member.startDate), endYear: yearOf(member.endDate) }] : [];
    });
    const jobTitles = asArray(person.jobTitle).flatMap((title) => nonEmpty(title) ?? []);
    return {
      name: nonEmpty(person.name),
      headline: jobTitles.length ? jobTitles.join(' · ') : undefined,
      location: nonEmpty(address.addressLocality) ?? nonEmpty(address.addressCountry),
      about: nonEmpty(person.description),
      experience: [...organizations(person.worksFor, true), ...organizations(person.alumniOf, false)],
      education,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Contact info: only from the dialog the user opened

function isContactDialog(dialog: Element): boolean {
  if (dialog.tagName.toUpperCase() === 'DIALOG' && !dialog.hasAttribute('open')) return false;
  const labelledBy = dialog.getAttribute('aria-labelledby');
  const label = labelledBy ? dialog.ownerDocument.getElementById(labelledBy) : null;
  const headings = [...dialog.querySelectorAll('h1, h2, h3'), ...(label ? [label] : [])];
  return headings.some((heading) => /^contact info$/i.test(textOf(heading)));
}

function websiteOf(href: string): string | undefined {
  try {
    const url = new URL(href);
    if (!/(^|\.)linkedin\.com$/i.test(url.hostname)) return href;
    // LinkedIn may route outbound links through its redirector; the member's site is the `url` parameter.
    return url.pathname.startsWith('/redir/') ? (url.searchParams.get('url') ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

function readContact(document: Document): Pick<ProfileSnapshot, 'emails' | 'phones' | 'websites'> {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const websites = new Set<string>();
  const dialogs = [...document.querySelectorAll('[role="dialog"], dialog, [aria-modal="true"]')].filter(
    isContactDialog,
  );
  for (const dialog of dialogs) {
    for (const link of dialog.querySelectorAll('a[href]')) {
      const href = link.getAttribute('href') ?? '';
      if (/^mailto:/i.test(href)) {
        const address = decodeSlug(href.slice('mailto:'.length).split('?')[0] ?? '').trim();
        if (address) emails.add(address);
      } else if (/^tel:/i.test(href)) {
        const number = textOf(link) || decodeSlug(href.slice('tel:'.length));
        if (number) phones.add(number);
      } else if (/^https?:/i.test(href)) {
        const site = websiteOf(href);
        if (site) websites.add(site);
      }
    }
    // The Ember overlay prints numbers as text under a "Phone" heading, not as tel: links.
    for (const heading of dialog.querySelectorAll('h3')) {
      if (!/^phones?$/i.test(textOf(heading))) continue;
      const block = heading.closest('section') ?? heading.parentElement;
      if (!block) continue;
      for (const line of linesOf(block, (element) => element === heading)) {
        const number = line.replace(/\s*\((?:Mobile|Home|Work)\)$/i, '');
        if (/^\+?[\d\s().-]{6,}$/.test(number)) phones.add(number);
      }
    }
  }
  return { emails: [...emails], phones: [...phones], websites: [...websites] };
}

// ---------------------------------------------------------------------------------------------------------------

function slugOf(url: URL): string {
  const raw = /^\/in\/([^/?#]+)/.exec(url.pathname)?.[1];
  return raw ? decodeSlug(raw) : '';
}

function present<T>(value: T | undefined): value is T {
  if (value === undefined) return false;
  if (typeof value === 'string') return value !== '';
  return !Array.isArray(value) || value.length > 0;
}

/** Reads the profile the page shows. A pure function of the DOM: no requests, no timers, nothing opened. */
export function readProfile(document: Document, url: URL, now: () => Date = () => new Date()): ProfileSnapshot {
  const slug = slugOf(url);
  const structured = readVoyager(document, slug);
  const dom = readDom(document);
  const jsonLd = readJsonLd(document, slug);
  const sources: Array<[ProfileSource, ProfileFields]> = [
    ['structured-data', structured ?? {}],
    ['dom', dom],
    ['json-ld', jsonLd ?? {}],
  ];
  const pick = <K extends keyof ProfileFields>(key: K): ProfileFields[K] =>
    sources.map(([, fields]) => fields[key]).find(present);

  const named = sources.find(([, fields]) => present(fields.name));
  const name = named?.[1].name ?? '';
  const split = splitName(name);
  const firstName = named?.[1].firstName || split.firstName;
  const lastName = named?.[1].firstName ? (named[1].lastName ?? '') : split.lastName;
  const contact = readContact(document);
  const snapshot: Omit<ProfileSnapshot, 'missing'> = {
    profileUrl: normalizeProfileUrl(slug),
    slug,
    memberUrn: pick('memberUrn'),
    name,
    firstName,
    lastName,
    headline: pick('headline'),
    location: pick('location'),
    about: pick('about'),
    experience: pick('experience') ?? [],
    education: pick('education') ?? [],
    skills: pick('skills') ?? [],
    ...contact,
    source: named?.[0] ?? 'dom',
    readAt: now().toISOString(),
  };
  const missing: Missing[] = [];
  if (!snapshot.name) missing.push('name');
  for (const key of ['headline', 'location', 'about'] as const) if (!snapshot[key]) missing.push(key);
  for (const key of ['experience', 'education', 'skills'] as const) if (!snapshot[key].length) missing.push(key);
  if (!contact.emails.length && !contact.phones.length && !contact.websites.length) missing.push('contact');
  return { ...snapshot, missing };
}
