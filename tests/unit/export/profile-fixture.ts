import type { ProfileSnapshot } from '@/lib/core/profile';

/** A typical profile: two current-and-past roles, a degree, a handful of skills, contact details shown. */
export function profileFixture(overrides: Partial<ProfileSnapshot> = {}): ProfileSnapshot {
  return {
    profileUrl: 'https://www.linkedin.com/in/priya-raman',
    slug: 'priya-raman',
    name: 'Priya Raman',
    firstName: 'Priya',
    lastName: 'Raman',
    headline: 'Staff Engineer at Acme · Distributed systems',
    location: 'London, United Kingdom',
    about:
      'I build reliable distributed systems and the teams that run them. Ten years across payments, search and ' +
      'developer tooling, most recently leading the storage platform at Acme.\n\nOutside work: climbing, chess.',
    experience: [
      {
        title: 'Staff Engineer',
        company: 'Acme',
        employmentType: 'Full-time',
        start: 'Jan 2021',
        current: true,
        location: 'London',
        description:
          'Lead the storage platform team (8 engineers). Moved 40 services to a shared replication layer, cutting ' +
          'incident volume by half.\n• Designed the multi-region failover\n• Mentored four engineers to senior',
      },
      {
        title: 'Senior Software Engineer',
        company: 'Globex',
        employmentType: 'Full-time',
        start: 'Mar 2016',
        end: 'Dec 2020',
        current: false,
        location: 'Manchester',
        description: 'Search indexing pipeline, from batch to streaming. On-call lead for two years.',
      },
    ],
    education: [
      {
        school: 'University of Edinburgh',
        degree: 'MSc',
        field: 'Computer Science',
        startYear: '2014',
        endYear: '2015',
      },
    ],
    skills: ['Go', 'Kubernetes', 'PostgreSQL', 'Distributed Systems', 'Leadership'],
    emails: ['priya@example.com'],
    phones: ['+44 20 7946 0000'],
    websites: ['https://priya.dev'],
    missing: [],
    source: 'dom',
    readAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}
