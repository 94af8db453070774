// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ProfileExperience, ProfileSnapshot } from '@/lib/core/profile';
import { readProfile } from '@/lib/providers/linkedin/profile-reader';
import { demo } from '../../../sandbox/seed.ts';
import { extraSlugs, profileVariants, type ProfileVariant } from '../../../sandbox/linkedin/profiles.ts';
import { profileBySlug, profileHtml, profileUrl, renderProfile } from '../../../sandbox/linkedin/render-document.ts';

const fixedNow = () => new Date('2026-12-01T09:30:00.000Z');
const read = (document: Document, slug: string, suffix = '') =>
  readProfile(document, profileUrl(slug, suffix), fixedNow);

const allSlugs = [
  demo.linkedin.slug,
  demo.linkedin.secondSlug,
  'kwame-mensah-8d2f07',
  extraSlugs.longHistory,
  extraSlugs.nonLatin,
  extraSlugs.sparse,
];

// Written out rather than computed, so a wrong split in the reader cannot be mirrored by a wrong split here.
const names: Record<string, [string, string]> = {
  [demo.linkedin.slug]: ['Elena', 'Petrova'],
  [demo.linkedin.secondSlug]: ['Priya', 'Raman'],
  'kwame-mensah-8d2f07': ['Kwame', 'Mensah'],
  [extraSlugs.longHistory]: ['Marta', 'Kowalska'],
  [extraSlugs.nonLatin]: ['王小明', ''],
  [extraSlugs.sparse]: ['Tomáš', 'Novák'],
};

/** What each rendering can show: logged-out pages carry no Message link (URN) and no Skills card. */
function expected(slug: string, variant: ProfileVariant): ProfileSnapshot {
  const profile = profileBySlug(slug);
  const [firstName, lastName] = names[slug] ?? ['', ''];
  const skills = variant === 'public' ? [] : profile.skills;
  const snapshot: Omit<ProfileSnapshot, 'missing'> = {
    profileUrl: `https://www.linkedin.com/in/${slug}`,
    slug,
    memberUrn: variant === 'public' ? undefined : profile.memberUrn,
    name: profile.name,
    firstName,
    lastName,
    headline: profile.headline,
    location: profile.location,
    about: profile.about || undefined,
    experience: profile.experience.map((role): ProfileExperience => ({
      title: role.title,
      company: role.company,
      employmentType: role.employmentType,
      start: role.start,
      end: role.end,
      current: role.end === undefined,
      location: role.location,
      description: role.description,
    })),
    education: profile.education.map((item) => ({
      school: item.school,
      degree: item.degree,
      field: item.field,
      startYear: item.start,
      endYear: item.end,
    })),
    skills,
    emails: [],
    phones: [],
    websites: [],
    source: variant === 'voyager' ? 'structured-data' : 'dom',
    readAt: '2026-12-01T09:30:00.000Z',
  };
  const missing: ProfileSnapshot['missing'] = [];
  if (!profile.about) missing.push('about');
  if (!profile.education.length) missing.push('education');
  if (!skills.length) missing.push('skills');
  missing.push('contact');
  return { ...snapshot, missing };
}

describe.each(profileVariants)('the %s rendering', (variant) => {
  it.each(allSlugs)('reads every field of %s', (slug) => {
    expect(read(renderProfile(slug, { variant }), slug)).toEqual(expected(slug, variant));
  });

  it('reads contact details from the open contact-info overlay and only from there', () => {
    const slug = demo.linkedin.secondSlug;
    const overlay = read(renderProfile(slug, { variant, overlay: true }), slug, 'overlay/contact-info/');
    expect(overlay.emails).toEqual(['priya.raman@example.org']);
    expect(overlay.phones).toEqual(['+44 7700 900123']);
    expect(overlay.websites).toEqual(['https://github.com/priya-raman-dev']);
    expect(overlay.missing).not.toContain('contact');
    // The dialog repeats the name in its own h1; the profile is read the same as without it.
    const { emails: _e, phones: _p, websites: _w, missing: _m, ...rest } = overlay;
    const plain = read(renderProfile(slug, { variant }), slug);
    expect(rest).toEqual({ ...plain, emails: undefined, phones: undefined, websites: undefined, missing: undefined });
    expect(plain).toMatchObject({ emails: [], phones: [], websites: [] });
    expect(plain.missing).toContain('contact');
  });
});

describe('the seeded profiles as served by default', () => {
  it('renders Elena hashed, Priya with Voyager data and Kwame as the public page', () => {
    const variantOf = (slug: string) =>
      renderProfile(slug).querySelector('[data-sandbox-variant]')?.getAttribute('data-sandbox-variant');
    expect(variantOf(demo.linkedin.slug)).toBe('hashed');
    expect(variantOf(demo.linkedin.secondSlug)).toBe('voyager');
    expect(variantOf('kwame-mensah-8d2f07')).toBe('public');
    expect(variantOf(extraSlugs.longHistory)).toBe('voyager');
    expect(variantOf(extraSlugs.nonLatin)).toBe('hashed');
    expect(variantOf(extraSlugs.sparse)).toBe('public');
  });

  it('reads Elena Petrova field by field', () => {
    const snapshot = read(renderProfile(demo.linkedin.slug), demo.linkedin.slug);
    expect(snapshot).toMatchObject({
      profileUrl: 'https://www.linkedin.com/in/elena-petrova-5c3e91',
      slug: 'elena-petrova-5c3e91',
      memberUrn: 'urn:li:fsd_profile:ACoAABx7Kq2Lm9Np4Rs6Tu8Vw0Yz1Ab3Cd5Ef7G',
      name: 'Elena Petrova',
      firstName: 'Elena',
      lastName: 'Petrova',
      headline: 'Staff Data Engineer at Lumen Freight · Streaming pipelines, dbt, Kafka',
      location: 'Berlin, Germany',
      skills: ['Apache Kafka', 'dbt', 'Apache Flink', 'Data Modeling', 'Python'],
      source: 'dom',
      missing: ['contact'],
      readAt: '2026-12-01T09:30:00.000Z',
    });
    expect(snapshot.about).toMatch(/^I build data platforms that analysts trust\. .* and mentoring\.$/);
    expect(snapshot.experience).toHaveLength(3);
    expect(snapshot.experience[0]).toEqual({
      title: 'Staff Data Engineer',
      company: 'Lumen Freight',
      employmentType: 'Full-time',
      start: 'Mar 2022',
      end: undefined,
      current: true,
      location: 'Berlin, Germany',
      description:
        'Lead engineer for the real-time shipment events platform (Kafka, Flink, dbt). Cut reporting latency from 24 hours to 5 minutes.',
    });
    expect(snapshot.experience[2]).toMatchObject({
      title: 'Data Analyst',
      company: 'Copperleaf Software',
      start: 'Sep 2016',
      end: 'Dec 2018',
      current: false,
      location: 'Sofia, Bulgaria',
    });
    expect(snapshot.education).toEqual([
      {
        school: 'Technical University of Munich',
        degree: 'MSc',
        field: 'Data Engineering and Analytics',
        startYear: '2014',
        endYear: '2016',
      },
      { school: 'Sofia University', degree: 'BSc', field: 'Computer Science', startYear: '2010', endYear: '2014' },
    ]);
  });
});

describe('grouped roles and a long history', () => {
  it.each(profileVariants)('gives each role at a grouping company its own entry (%s)', (variant) => {
    const slug = extraSlugs.longHistory;
    const document = renderProfile(slug, { variant });
    // The page really groups them: 13 roles in 10 entries, Harbor & Finch holding three roles and Vistula Systems
    // two with different employment types (so each role, not the company header, carries its type).
    const section = [...document.querySelectorAll('section')].find((each) =>
      each.querySelector('h2')?.textContent?.includes('Experience'),
    );
    const entries = [...(section?.querySelectorAll('li') ?? [])].filter((item) => !item.parentElement?.closest('li'));
    expect(entries).toHaveLength(10);
    expect(
      entries[0]?.textContent?.match(/Principal Engineer|Staff Engineer|Senior Engineer/g)?.length,
    ).toBeGreaterThanOrEqual(3);
    const { experience } = read(document, slug);
    expect(experience).toHaveLength(13);
    expect(experience.slice(0, 3)).toEqual([
      {
        title: 'Principal Engineer',
        company: 'Harbor & Finch',
        employmentType: 'Full-time',
        start: 'Jan 2023',
        end: undefined,
        current: true,
        location: 'Warsaw, Poland',
        description: 'Technical lead for the storage tier across all trading venues.',
      },
      {
        title: 'Staff Engineer',
        company: 'Harbor & Finch',
        employmentType: 'Full-time',
        start: 'Mar 2020',
        end: 'Dec 2022',
        current: false,
        location: 'Warsaw, Poland',
        description: 'Designed the replicated order journal.',
      },
      {
        title: 'Senior Engineer',
        company: 'Harbor & Finch',
        employmentType: 'Full-time',
        start: 'Jun 2018',
        end: 'Feb 2020',
        current: false,
        location: 'London, United Kingdom',
        description: 'Matching engine performance work.',
      },
    ]);
    expect(experience[3]).toMatchObject({ company: 'Kestrel Payments', employmentType: 'Contract' });
    expect(experience[8]).toMatchObject({
      title: 'Freelance Developer',
      company: 'Self-employed',
      employmentType: 'Freelance',
    });
    expect(experience.slice(9, 11).map((role) => [role.company, role.employmentType])).toEqual([
      ['Vistula Systems', 'Full-time'],
      ['Vistula Systems', 'Internship'],
    ]);
    expect(experience[12]).toMatchObject({
      title: 'IT Support Technician',
      employmentType: 'Seasonal',
      end: 'Sep 2004',
    });
  });

  it('keeps the name as written but leaves credentials out of first and last name', () => {
    const snapshot = read(renderProfile(extraSlugs.longHistory), extraSlugs.longHistory);
    expect(snapshot).toMatchObject({ name: 'Marta Kowalska, PhD', firstName: 'Marta', lastName: 'Kowalska' });
    // Escaped in the page, read back as the member wrote it.
    expect(snapshot.headline).toBe('Principal Engineer at Harbor & Finch · Distributed systems <and> storage');
  });
});

describe('names and sections that are not there', () => {
  it.each(profileVariants)('keeps a name without spaces whole (%s)', (variant) => {
    const snapshot = read(renderProfile(extraSlugs.nonLatin, { variant }), extraSlugs.nonLatin);
    expect(snapshot).toMatchObject({ name: '王小明', firstName: '王小明', lastName: '', location: '上海, 中国' });
    expect(snapshot.education).toEqual([
      { school: '复旦大学', degree: '学士', field: '计算机科学', startYear: '2014', endYear: '2018' },
    ]);
  });

  it.each(profileVariants)('reports About, Education and Skills missing when the page has none (%s)', (variant) => {
    const snapshot = read(renderProfile(extraSlugs.sparse, { variant }), extraSlugs.sparse);
    expect(snapshot.missing).toEqual(['about', 'education', 'skills', 'contact']);
    expect(snapshot).toMatchObject({
      about: undefined,
      education: [],
      skills: [],
      firstName: 'Tomáš',
      lastName: 'Novák',
    });
    expect(snapshot.name).toBe('Tomáš Novák 🚀');
  });

  it('reports Experience and Education missing before the hashed page has loaded them, without guessing', () => {
    const slug = demo.linkedin.slug;
    const snapshot = read(renderProfile(slug, { firstPaint: true }), slug);
    expect(snapshot.experience).toEqual([]);
    expect(snapshot.education).toEqual([]);
    expect(snapshot.missing).toEqual(['experience', 'education', 'contact']);
    expect(snapshot.skills).toHaveLength(5);
  });

  it('reports everything missing on a page that shows no profile, naming it from the title only', () => {
    const document = new DOMParser().parseFromString(
      '<html><head><title>(3) Ada Lovelace | LinkedIn</title></head><body><main></main></body></html>',
      'text/html',
    );
    const snapshot = readProfile(document, profileUrl('ada-lovelace-1815'), fixedNow);
    expect(snapshot).toMatchObject({ name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', source: 'dom' });
    expect(snapshot.missing).toEqual(['headline', 'location', 'about', 'experience', 'education', 'skills', 'contact']);
  });
});

describe('visually-hidden twins', () => {
  it.each(['voyager', 'hashed'] as const)('reads each twin pair once (%s)', (variant) => {
    const slug = demo.linkedin.slug;
    const html = profileHtml(slug, { variant }).main;
    const about = profileBySlug(slug).about;
    expect(html.split('I build data platforms').length - 1).toBeGreaterThanOrEqual(2);
    const document = renderProfile(slug, { variant });
    // Read from the DOM alone, so the twins are what the reader sees.
    document.querySelectorAll('code').forEach((code) => code.remove());
    const snapshot = read(document, slug);
    expect(snapshot.about).toBe(about);
    expect(snapshot.experience[0]?.title).toBe('Staff Data Engineer');
    expect(snapshot.skills).toEqual(['Apache Kafka', 'dbt', 'Apache Flink', 'Data Modeling', 'Python']);
  });
});

describe('the Voyager data', () => {
  it('gives the same profile when only the Ember DOM is left, the URN then coming from the Message link', () => {
    for (const slug of allSlugs) {
      const document = renderProfile(slug, { variant: 'voyager' });
      document.querySelectorAll('code').forEach((code) => code.remove());
      expect(read(document, slug)).toEqual({ ...expected(slug, 'voyager'), source: 'dom' });
    }
  });

  it('wins over the DOM field by field and ignores the viewer’s own embedded profile', () => {
    const slug = demo.linkedin.secondSlug;
    const document = renderProfile(slug, { variant: 'voyager' });
    document.querySelector('h1')!.textContent = 'Someone Else';
    document.querySelector('a[href*="profileUrn"]')!.remove();
    const snapshot = read(document, slug);
    expect(snapshot).toMatchObject({
      name: 'Priya Raman',
      memberUrn: 'urn:li:fsd_profile:ACoAAC3pR8aM7nQ2wE4tY6uI8oP0aS2dF4gH6jK',
      source: 'structured-data',
    });
    expect(JSON.stringify(snapshot)).not.toContain('Hannah');
  });

  it('is not read for another member: a profile whose slug differs from the URL falls back to the DOM', () => {
    const slug = demo.linkedin.secondSlug;
    const snapshot = readProfile(
      renderProfile(slug, { variant: 'voyager' }),
      profileUrl('someone-else-1234'),
      fixedNow,
    );
    expect(snapshot.source).toBe('dom');
    expect(snapshot.name).toBe('Priya Raman');
  });
});

describe('the public page’s JSON-LD', () => {
  it('fills what the DOM does not show, and never invents a job title', () => {
    const slug = 'kwame-mensah-8d2f07';
    const document = renderProfile(slug, { variant: 'public' });
    for (const element of document.querySelectorAll('section, aside')) element.remove();
    document.title = '';
    const snapshot = read(document, slug);
    expect(snapshot).toMatchObject({
      name: 'Kwame Mensah',
      firstName: 'Kwame',
      lastName: 'Mensah',
      headline: 'Engineering Manager, Developer Platform',
      location: 'Leeds, England, United Kingdom',
      about: profileBySlug(slug).about,
      skills: [],
      source: 'json-ld',
      missing: ['skills', 'contact'],
    });
    expect(snapshot.memberUrn).toBeUndefined();
    expect(snapshot.experience).toEqual([
      {
        title: '',
        company: 'Brightline Health',
        start: 'Feb 2023',
        end: undefined,
        current: true,
        location: 'Leeds, United Kingdom',
        description: 'Manages two teams (11 engineers) owning CI/CD, the service template and observability.',
      },
      {
        title: '',
        company: 'Harbor & Finch',
        start: 'Apr 2018',
        end: 'Jan 2023',
        current: false,
        location: 'Manchester, United Kingdom',
        description: 'Kubernetes migration, incident process and SLOs for the trading platform.',
      },
    ]);
    expect(snapshot.education).toEqual([{ school: 'University of Manchester', startYear: '2014', endYear: '2017' }]);
  });

  it('loses to the DOM where both show a field', () => {
    const slug = 'kwame-mensah-8d2f07';
    const snapshot = read(renderProfile(slug, { variant: 'public' }), slug);
    expect(snapshot.headline).toBe('Engineering Manager · Developer Platform at Brightline Health');
    expect(snapshot.experience[0]?.title).toBe('Engineering Manager, Developer Platform');
    expect(snapshot.education[0]?.degree).toBe('BSc');
  });
});

describe('contact details', () => {
  it('are read from a closed `<dialog>` never, and from an open one with a Contact info heading', () => {
    const slug = demo.linkedin.slug;
    const document = renderProfile(slug, { overlay: true });
    const dialog = document.querySelector('[role="dialog"]')!;
    dialog.querySelector('#contact-info-title')!.textContent = 'Share profile';
    expect(read(document, slug).emails).toEqual([]);
  });

  it('read the phone printed as text in the hashed overlay and skip the member’s own LinkedIn link', () => {
    const slug = demo.linkedin.slug;
    const document = renderProfile(slug, { variant: 'hashed', overlay: true });
    expect(document.querySelector('[role="dialog"] a[href^="tel:"]')).toBeNull();
    expect(read(document, slug, 'overlay/contact-info/')).toMatchObject({
      emails: ['elena.petrova@example.org'],
      phones: ['+44 7700 900511'],
      websites: ['https://elena-petrova.example.org'],
    });
  });
});
