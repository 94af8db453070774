import type { Experience, LinkedinProfile, SandboxData } from '../store.ts';

/** The three ways LinkedIn renders a profile in 2026 (shared/reference/linkedin-and-form-filling.md §2). */
export const profileVariants = ['voyager', 'hashed', 'public'] as const;
export type ProfileVariant = (typeof profileVariants)[number];

export interface ProfileContact {
  email: string;
  phone: string;
  website: string;
}

/** A seeded profile plus what only the LinkedIn pages need: how it renders, its member URN, skills and contact info. */
export interface SandboxProfile extends LinkedinProfile {
  variant: ProfileVariant;
  /** `urn:li:fsd_profile:ACo…`: 39-character member id, the key that survives a slug change. */
  memberUrn: string;
  skills: string[];
  contact: ProfileContact;
  pronouns?: string;
}

type ProfileExtras = Omit<SandboxProfile, keyof LinkedinProfile>;

// Kept here rather than in seed.ts so the ATS seed stays about ATS data; keyed by the seeded slugs.
// Phone numbers come from Ofcom's drama range so none can reach a real person.
const seededExtras: Record<string, ProfileExtras> = {
  'elena-petrova-5c3e91': {
    variant: 'hashed',
    memberUrn: 'urn:li:fsd_profile:ACoAABx7Kq2Lm9Np4Rs6Tu8Vw0Yz1Ab3Cd5Ef7G',
    skills: ['Apache Kafka', 'dbt', 'Apache Flink', 'Data Modeling', 'Python'],
    contact: {
      email: 'elena.petrova@example.org',
      phone: '+44 7700 900511',
      website: 'https://elena-petrova.example.org',
    },
    pronouns: 'She/Her',
  },
  'priya-raman-4b1a2c': {
    variant: 'voyager',
    memberUrn: 'urn:li:fsd_profile:ACoAAC3pR8aM7nQ2wE4tY6uI8oP0aS2dF4gH6jK',
    skills: ['Go', 'Kotlin', 'PostgreSQL', 'Distributed Systems'],
    contact: {
      email: 'priya.raman@example.org',
      phone: '+44 7700 900123',
      website: 'https://github.com/priya-raman-dev',
    },
  },
  'kwame-mensah-8d2f07': {
    variant: 'public',
    memberUrn: 'urn:li:fsd_profile:ACoAAD9kW2mE5nS8aH1qT4rZ7xC0vB3nM6lP9oI',
    skills: ['Kubernetes', 'Site Reliability Engineering', 'Team Leadership'],
    contact: {
      email: 'kwame.mensah@example.org',
      phone: '+44 7700 900624',
      website: 'https://kwame.example.org',
    },
  },
};

const role = (
  title: string,
  company: string,
  employmentType: string,
  start: string,
  end: string | undefined,
  location: string,
  description: string,
  companySlug?: string,
): Experience => ({ title, company, employmentType, start, end, location, description, companySlug });

/** Profiles only the LinkedIn pages serve: the shapes the seed does not cover. */
const extraProfiles: SandboxProfile[] = [
  {
    // Long history, a company holding three consecutive roles (LinkedIn groups them), credentials after the name.
    slug: 'marta-kowalska-3e7d10',
    name: 'Marta Kowalska, PhD',
    headline: 'Principal Engineer at Harbor & Finch · Distributed systems <and> storage',
    location: 'Warsaw, Mazowieckie, Poland',
    about:
      'Twenty years of building systems that keep working when parts of them do not. I like consensus protocols, careful migrations and teams that write things down.',
    experience: [
      role(
        'Principal Engineer',
        'Harbor & Finch',
        'Full-time',
        'Jan 2023',
        undefined,
        'Warsaw, Poland',
        'Technical lead for the storage tier across all trading venues.',
      ),
      role(
        'Staff Engineer',
        'Harbor & Finch',
        'Full-time',
        'Mar 2020',
        'Dec 2022',
        'Warsaw, Poland',
        'Designed the replicated order journal.',
      ),
      role(
        'Senior Engineer',
        'Harbor & Finch',
        'Full-time',
        'Jun 2018',
        'Feb 2020',
        'London, United Kingdom',
        'Matching engine performance work.',
      ),
      role(
        'Engineering Consultant',
        'Kestrel Payments',
        'Contract',
        'Sep 2017',
        'May 2018',
        'London, United Kingdom',
        'Ledger consistency review before the Series B audit.',
        'kestrel-payments',
      ),
      role(
        'Senior Software Engineer',
        'Brightline Health',
        'Full-time',
        'Feb 2015',
        'Aug 2017',
        'Leeds, United Kingdom',
        'Built the appointment event store.',
        'brightline-health',
      ),
      role(
        'Software Engineer',
        'Lumen Freight',
        'Full-time',
        'Apr 2013',
        'Jan 2015',
        'Berlin, Germany',
        'Route planning services.',
        'lumen-freight',
      ),
      role(
        'Research Assistant',
        'University of Warsaw',
        'Part-time',
        'Oct 2010',
        'Mar 2013',
        'Warsaw, Poland',
        'Byzantine fault tolerance experiments for the distributed systems group.',
      ),
      role(
        'Backend Developer',
        'Copperleaf Software',
        'Full-time',
        'Jul 2009',
        'Sep 2010',
        'Kraków, Poland',
        'Billing integrations.',
      ),
      role(
        'Freelance Developer',
        'Self-employed',
        'Freelance',
        'Jan 2008',
        'Jun 2009',
        'Kraków, Poland',
        'Web shops for local businesses.',
      ),
      role(
        'Junior Developer',
        'Vistula Systems',
        'Full-time',
        'Mar 2006',
        'Dec 2007',
        'Kraków, Poland',
        'Maintenance of the inventory system.',
      ),
      role(
        'Software Engineering Intern',
        'Vistula Systems',
        'Internship',
        'Jul 2005',
        'Feb 2006',
        'Kraków, Poland',
        'Test automation.',
      ),
      role(
        'Teaching Assistant',
        'AGH University of Kraków',
        'Part-time',
        'Oct 2004',
        'Jun 2005',
        'Kraków, Poland',
        'Algorithms and data structures labs.',
      ),
      role(
        'IT Support Technician',
        'Kraków Public Library',
        'Seasonal',
        'Jun 2004',
        'Sep 2004',
        'Kraków, Poland',
        'Summer job keeping forty reading-room computers running.',
      ),
    ],
    education: [
      {
        school: 'University of Warsaw',
        degree: 'PhD',
        field: 'Computer Science',
        start: '2010',
        end: '2014',
      },
      {
        school: 'AGH University of Kraków',
        degree: 'MSc',
        field: 'Computer Science',
        start: '2003',
        end: '2008',
      },
    ],
    variant: 'voyager',
    memberUrn: 'urn:li:fsd_profile:ACoAAE1mK4tW7pQ0rS3uV6xY9zA2bC5dE8fG1hJ',
    skills: ['Distributed Systems', 'Consensus Protocols', 'C++', 'Rust', 'Technical Leadership'],
    contact: {
      email: 'marta.kowalska@example.org',
      phone: '+44 7700 900735',
      website: 'https://marta.example.org',
    },
  },
  {
    // A name with no spaces in a non-Latin script; the slug is ASCII as LinkedIn generates for most CJK names.
    slug: 'wang-xiaoming-8a1b2c',
    name: '王小明',
    headline: '高级后端工程师 · Kestrel Payments',
    location: '上海, 中国',
    about: '专注于支付系统和分布式数据库。',
    experience: [
      role(
        '高级后端工程师',
        'Kestrel Payments',
        'Full-time',
        'May 2022',
        undefined,
        '上海, 中国',
        '负责结算服务。',
        'kestrel-payments',
      ),
      role('后端工程师', '蓝海科技', 'Full-time', 'Jul 2018', 'Apr 2022', '杭州, 中国', '订单系统与消息队列。'),
    ],
    education: [{ school: '复旦大学', degree: '学士', field: '计算机科学', start: '2014', end: '2018' }],
    variant: 'hashed',
    memberUrn: 'urn:li:fsd_profile:ACoAAF5nL8uX1qR4sT7vW0yZ3aB6cD9eF2gH5iJ',
    skills: ['Go', '分布式系统'],
    contact: { email: 'wang.xiaoming@example.org', phone: '+44 7700 900846', website: 'https://wang.example.org' },
  },
  {
    // No About, Education or Skills sections at all: the reader must report them missing, not invent them.
    slug: 'tomas-novak-9f0e21',
    name: 'Tomáš Novák 🚀',
    headline: 'Freelance iOS Developer',
    location: 'Prague, Czechia',
    about: '',
    experience: [
      role(
        'iOS Developer',
        'Self-employed',
        'Freelance',
        'Jan 2020',
        undefined,
        'Prague, Czechia',
        'Apps for small retailers.',
      ),
    ],
    education: [],
    variant: 'public',
    memberUrn: 'urn:li:fsd_profile:ACoAAG7pN0wZ3sT6uV9xY2aB5cD8eF1gH4iJ7kL',
    skills: [],
    contact: { email: 'tomas.novak@example.org', phone: '+44 7700 900957', website: 'https://novak.example.org' },
  },
];

const fallbackExtras = (profile: LinkedinProfile): ProfileExtras => ({
  variant: 'hashed',
  // Derived so a profile added to the seed later still gets a stable, well-formed URN.
  memberUrn: `urn:li:fsd_profile:ACoAA${Buffer.from(profile.slug).toString('hex').padEnd(34, '0').slice(0, 34)}`,
  skills: [],
  contact: {
    email: `${profile.slug}@example.org`,
    phone: '+44 7700 900000',
    website: `https://${profile.slug}.example.org`,
  },
});

/** Every profile the sandbox serves: the store's (so tests that edit the store see it) and then the extras. */
export function sandboxProfiles(data: SandboxData['linkedin']): SandboxProfile[] {
  const seeded = data.profiles.map((profile) => ({
    ...profile,
    ...(seededExtras[profile.slug] ?? fallbackExtras(profile)),
  }));
  const known = new Set(seeded.map((profile) => profile.slug));
  return [...seeded, ...extraProfiles.filter((profile) => !known.has(profile.slug))];
}

/** Slugs of the extra profiles, so tests can name them without repeating strings. */
export const extraSlugs = {
  longHistory: 'marta-kowalska-3e7d10',
  nonLatin: 'wang-xiaoming-8a1b2c',
  sparse: 'tomas-novak-9f0e21',
} as const;
