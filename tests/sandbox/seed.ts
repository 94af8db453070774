import type { AtsData, LinkedinCompany, LinkedinProfile, SandboxData, User } from './store.ts';

/** Fixed so the demo, the e2e suite and the options page can all use them without asking the server. */
export const sandboxCredentials = {
  ashby: { key: 'sbx_ashby_3f9c1e7b5a2d48c6b0e4a7d19c2f5e83' },
  lever: { key: 'sbx_lever_Qm7Tz2Kp9Vx4Rb8Ne3Lc6Hy1' },
  pinpoint: { key: 'sbx_pinpoint_a81f4c07d2e9453b', subdomain: 'acme' },
};

/**
 * Keys that authenticate but lack permissions, as a real admin might create them: read-only, so every write and the
 * permission report can be tested. Each provider's api.ts decides what its limited key may do.
 */
export const sandboxLimitedCredentials = {
  ashby: { key: 'sbx_ashby_readonly_7d2e9c41b8a5' },
  lever: { key: 'sbx_lever_readonly_Hq3Vn8Zt' },
  pinpoint: { key: 'sbx_pinpoint_readonly_5e0b9d', subdomain: 'acme' },
};

type UserKey = 'hannah' | 'marcus' | 'aisha' | 'oliver';
type JobKey = 'backend' | 'design' | 'data' | 'manager';
type StageKey = 'review' | 'screen' | 'technical' | 'onsite' | 'offer';
type PersonKey = 'priya' | 'james' | 'daniel' | 'sofia' | 'mei' | 'tomasz';
type InterviewKey = 'priyaTechnical' | 'jamesScreen' | 'danielPortfolio';
type NoteKey = 'priyaScreen' | 'priyaTakeHome' | 'james' | 'daniel' | 'sofia' | 'mei' | 'tomasz';

interface VendorIds {
  users: Record<UserKey, string>;
  jobs: Record<JobKey, string>;
  stages: Record<StageKey, string>;
  candidates: Record<PersonKey, string>;
  contacts?: Record<PersonKey, string>;
  applications: Record<PersonKey, string>;
  interviews: Record<InterviewKey, string>;
  notes: Record<NoteKey, string>;
}

// Hard-coded, in each vendor's own ID format, so every sandbox URL is the same on every run.
const ashbyIds: VendorIds = {
  users: {
    hannah: '5f40328d-f5d0-44ca-a59a-003c30832690',
    marcus: '4c6ac314-ca68-40dc-88e4-dbb545070aa3',
    aisha: '5884a0a6-966d-4e50-95ae-2b9d0e1c4da4',
    oliver: 'b96245e7-cb0c-44bc-b46e-ba3ddd283549',
  },
  jobs: {
    backend: '820fd2fa-b4d7-4ecd-bd7c-04fe253fcd0d',
    design: 'aede2b14-7c1e-4256-b178-744916280a60',
    data: '16e89eca-fcf1-4387-9776-df5d68a90f6f',
    manager: 'd70ea500-fffb-4aa9-8ace-afff5bf7dcd3',
  },
  stages: {
    review: 'eeb4b8a6-7261-4f6b-83a0-b146dcb20eb4',
    screen: 'a2f5d103-759e-4caa-a5a0-fe007681bec1',
    technical: 'e98e9e61-c5d5-4197-91ae-661a98b438cc',
    onsite: '7bef1ca4-dc9c-4768-8c98-6a038fcb0ad3',
    offer: '95e66571-ce41-4c22-956d-fbabc682956b',
  },
  candidates: {
    priya: '4ca6dfb1-cffa-460a-902f-0cb87c69f5ce',
    james: '36f954c6-2640-4342-a841-6e628393b38f',
    daniel: 'bdff654c-e25a-47c4-8970-c22909203e58',
    sofia: 'ba42090a-b3ed-4a80-97c8-44e243838a32',
    mei: 'e791dfb5-541a-406a-b9ed-578d027a1a01',
    tomasz: 'a25cad0f-3b3f-4f8b-8c54-e29cf432a227',
  },
  applications: {
    priya: '19b8381c-6588-438a-b5db-9fe4acf5d347',
    james: 'f25c5699-c55a-4596-810d-90f3f856ed6d',
    daniel: '1b0c8802-4eb5-4906-bd6c-34be4b1b6a1f',
    sofia: 'c59c6838-1e1f-47c2-8cd8-5e3a9f102021',
    mei: '1313dba5-cf53-4eab-8956-d6d64f317bfb',
    tomasz: '66488260-471d-49e7-9244-4fd6e3fdb78d',
  },
  interviews: {
    priyaTechnical: '12aa5245-ecd5-4822-8e49-f42f4214f871',
    jamesScreen: '4357951b-13ff-48be-bdcd-6abaae02131b',
    danielPortfolio: '162beecc-cc61-4c2f-86fc-3c1d31dc4c0b',
  },
  notes: {
    priyaScreen: '69434e30-e5e9-4c12-a767-543356e6ac33',
    priyaTakeHome: '493051b1-7ae9-4945-86d4-d3a649f146a8',
    james: 'da065f4d-24e5-4be3-b560-d326ff853015',
    daniel: '7c45f269-e6b9-4908-9563-3073fd303da5',
    sofia: 'e6f2587d-5dd3-4a93-b13b-3b75c89499ea',
    mei: '6f76c8db-9bc3-44ef-a365-406f0beb94ff',
    tomasz: 'ea60d5c1-3cf4-467e-8dc3-36008bb06a6c',
  },
};

// Lever's built-in stages keep their slug ids (lever-api.md §2); custom stages are UUIDs.
const leverIds: VendorIds = {
  users: {
    hannah: '9ccdc246-674c-42a0-8da9-c7f963342738',
    marcus: 'd436cb77-344a-4028-b8ef-a22372a1e2b1',
    aisha: '8969545d-ac69-47a7-a7b9-3527f429f046',
    oliver: '71d0775b-cabd-4a62-90f1-c3160f970578',
  },
  jobs: {
    backend: '28146bea-4c85-48ba-9a2c-5e99e99cab8f',
    design: '6241a1f8-443e-43c5-aa17-d3f417c13d18',
    data: '8005e948-bcdb-46b5-8deb-1c4ad7a76dec',
    manager: 'fd7ea4d9-bf49-4063-8631-1ea80cc6a459',
  },
  stages: {
    review: 'applicant-new',
    screen: '284950ce-bf4a-48eb-abdd-3e52143d2d00',
    technical: 'fda46769-2e63-45a6-8681-a50e7a343298',
    onsite: 'f1c4eacb-e8af-4617-8c96-0bf5f6c09320',
    offer: 'offer',
  },
  candidates: {
    priya: 'f7fd3ede-6abb-49e9-ade5-67f62ba2ff97',
    james: '78d42a57-c990-40ce-914e-e27b86c59b52',
    daniel: '5701f2b3-f39d-447a-8f08-b3e82381a0da',
    sofia: '95243aa7-50e3-4401-8362-6bed17dab27d',
    mei: '80c17f8c-051f-4b74-bd68-1a41700e1a22',
    tomasz: '62fb13d2-dc73-4c28-9578-7f26a73a7a25',
  },
  contacts: {
    priya: 'ddfe8243-eecf-4b61-92ed-338654590415',
    james: 'b9f41733-f939-46fb-822b-e836523c14e2',
    daniel: 'b0eb1d88-2341-4e79-924b-77cd6b509b49',
    sofia: '87e4ee65-2fda-4920-a710-537c18b12fd6',
    mei: '4b7aa925-c745-4abc-9394-f32f9cb02c06',
    tomasz: '5a882f0f-0380-432c-8261-3dec580e49aa',
  },
  applications: {
    priya: '903f52ac-ab29-4773-a909-fa5443c45a9b',
    james: '05fd027d-4663-4bab-bb8a-9928bf91feb4',
    daniel: 'ebb06010-3349-4e7f-8d07-b2f9e657e627',
    sofia: 'a24a642c-d4bd-47dc-ad47-816c7b6ba8ae',
    mei: '1cd55976-e393-44df-a66d-ec91328a4cfa',
    tomasz: '293490c8-2866-4d73-a991-bec3117c4ad7',
  },
  interviews: {
    priyaTechnical: 'ee339a40-e6f2-4f98-b6a4-154a4feb7e44',
    jamesScreen: '5786cca0-dd33-4e51-a01c-3d108e13a852',
    danielPortfolio: '8f0862d2-4a88-4b73-b347-e7647c741776',
  },
  notes: {
    priyaScreen: '13803818-2392-4498-8b70-09e78d85599d',
    priyaTakeHome: '0b1ea649-694f-48f6-9ce9-bfaa30b19139',
    james: '27c0a4eb-a30e-4c14-9804-2ff9816d5a75',
    daniel: '99d0e609-1a97-44ad-baf4-f832c7d9ba6f',
    sofia: '92722f63-beb4-4f2c-8191-a603f0411e2e',
    mei: 'b857bdc9-ecb6-4de5-9d9d-9a0639b5399d',
    tomasz: 'e1969963-d83e-41cc-8b58-e9ae83c21110',
  },
};

const pinpointIds: VendorIds = {
  users: { hannah: '7001', marcus: '7002', aisha: '7003', oliver: '7004' },
  jobs: { backend: '4821', design: '4822', data: '4823', manager: '4817' },
  stages: { review: '307', screen: '309', technical: '311', onsite: '313', offer: '315' },
  candidates: { priya: '55101', james: '55102', daniel: '55103', sofia: '55104', mei: '55105', tomasz: '55106' },
  applications: { priya: '99123', james: '99124', daniel: '99131', sofia: '99140', mei: '99087', tomasz: '98862' },
  interviews: { priyaTechnical: '8801', jamesScreen: '8802', danielPortfolio: '8803' },
  notes: {
    priyaScreen: '120431',
    priyaTakeHome: '120502',
    james: '120517',
    daniel: '120533',
    sofia: '120540',
    mei: '120318',
    tomasz: '119876',
  },
};

const users: Array<Omit<User, 'id' | 'role'> & { key: UserKey }> = [
  {
    key: 'hannah',
    firstName: 'Hannah',
    lastName: 'Brooks',
    email: 'hannah.brooks@example.com',
    jobTitle: 'Senior Technical Recruiter',
    createdAt: '2024-03-04T09:12:00.000Z',
  },
  {
    key: 'marcus',
    firstName: 'Marcus',
    lastName: 'Webb',
    email: 'marcus.webb@example.com',
    jobTitle: 'Engineering Manager',
    createdAt: '2024-03-11T10:30:00.000Z',
  },
  {
    key: 'aisha',
    firstName: 'Aisha',
    lastName: 'Khan',
    email: 'aisha.khan@example.com',
    jobTitle: 'Staff Software Engineer',
    createdAt: '2024-06-20T08:45:00.000Z',
  },
  {
    key: 'oliver',
    firstName: 'Oliver',
    lastName: 'Grant',
    email: 'oliver.grant@example.com',
    jobTitle: 'Design Lead',
    createdAt: '2025-01-13T14:05:00.000Z',
  },
];

const roles: Record<'ashby' | 'lever' | 'pinpoint', Record<UserKey, string>> = {
  ashby: { hannah: 'Organization Admin', marcus: 'Elevated Access', aisha: 'Limited Access', oliver: 'Limited Access' },
  lever: { hannah: 'super admin', marcus: 'team member', aisha: 'interviewer', oliver: 'interviewer' },
  pinpoint: { hannah: 'Administrator', marcus: 'Hiring Manager', aisha: 'Interviewer', oliver: 'Interviewer' },
};

// Each vendor names and types the same pipeline its own way.
const stages: Record<'ashby' | 'lever' | 'pinpoint', Record<StageKey, { title: string; type: string }>> = {
  ashby: {
    review: { title: 'Application Review', type: 'PreInterviewScreen' },
    screen: { title: 'Recruiter Screen', type: 'Active' },
    technical: { title: 'Technical Interview', type: 'Active' },
    onsite: { title: 'Onsite', type: 'Active' },
    offer: { title: 'Offer', type: 'Offer' },
  },
  lever: {
    review: { title: 'New applicant', type: 'applicant' },
    screen: { title: 'Recruiter screen', type: 'custom' },
    technical: { title: 'Technical interview', type: 'custom' },
    onsite: { title: 'On-site interview', type: 'custom' },
    offer: { title: 'Offer', type: 'offer' },
  },
  pinpoint: {
    review: { title: 'Review', type: 'review' },
    screen: { title: 'Phone Screen', type: 'interview' },
    technical: { title: 'Technical Interview', type: 'interview' },
    onsite: { title: 'Final Interview', type: 'interview' },
    offer: { title: 'Offer', type: 'offer' },
  },
};

const jobs: Array<{
  key: JobKey;
  title: string;
  department: string;
  location: string;
  status: 'open' | 'closed';
  hiringManager: UserKey;
  createdAt: string;
}> = [
  {
    key: 'backend',
    title: 'Senior Backend Engineer',
    department: 'Engineering',
    location: 'London, United Kingdom',
    status: 'open',
    hiringManager: 'marcus',
    createdAt: '2026-09-01T09:00:00.000Z',
  },
  {
    key: 'design',
    title: 'Product Designer',
    department: 'Design',
    location: 'Remote (United Kingdom)',
    status: 'open',
    hiringManager: 'oliver',
    createdAt: '2026-09-15T09:00:00.000Z',
  },
  {
    key: 'data',
    title: 'Data Engineer',
    department: 'Data Platform',
    location: 'Manchester, United Kingdom',
    status: 'open',
    hiringManager: 'marcus',
    createdAt: '2026-10-02T09:00:00.000Z',
  },
  {
    key: 'manager',
    title: 'Engineering Manager, Platform',
    department: 'Engineering',
    location: 'London, United Kingdom',
    status: 'closed',
    hiringManager: 'marcus',
    createdAt: '2026-06-10T09:00:00.000Z',
  },
];

interface Person {
  key: PersonKey;
  name: string;
  email: string;
  phone: string;
  location: string;
  headline: string;
  company: string;
  linkedInSlug?: string;
  links: string[];
  createdAt: string;
  application: {
    job: JobKey;
    stage: StageKey;
    source: string;
    status: 'active' | 'archived' | 'hired';
    owner: UserKey;
  };
  notes: Array<{ key: NoteKey; author: UserKey; body: string; createdAt: string }>;
}

// UK phone numbers come from Ofcom's range reserved for drama, so none of them can reach a real person.
const people: Person[] = [
  {
    key: 'priya',
    name: 'Priya Raman',
    email: 'priya.raman@example.org',
    phone: '+44 7700 900123',
    location: 'London, United Kingdom',
    headline: 'Senior Backend Engineer at Kestrel Payments',
    company: 'Kestrel Payments',
    linkedInSlug: 'priya-raman-4b1a2c',
    links: ['https://github.com/priya-raman-dev'],
    createdAt: '2026-11-03T10:14:00.000Z',
    application: { job: 'backend', stage: 'technical', source: 'LinkedIn', status: 'active', owner: 'hannah' },
    notes: [
      {
        key: 'priyaScreen',
        author: 'hannah',
        createdAt: '2026-11-10T16:20:00.000Z',
        body: 'Recruiter screen: strong on distributed systems and payments reconciliation. Three-month notice period; salary expectation inside the band.',
      },
      {
        key: 'priyaTakeHome',
        author: 'marcus',
        createdAt: '2026-11-17T11:02:00.000Z',
        body: 'Take-home reviewed: clean idempotency handling and good tests. Moving to the technical interview.',
      },
    ],
  },
  {
    key: 'james',
    name: "James O'Connor",
    email: 'james.oconnor@example.org',
    phone: '+44 7700 900456',
    location: 'Dublin, Ireland',
    headline: 'Backend Engineer at Brightline Health',
    company: 'Brightline Health',
    links: [],
    createdAt: '2026-11-12T08:40:00.000Z',
    application: { job: 'backend', stage: 'screen', source: 'Referral', status: 'active', owner: 'hannah' },
    notes: [
      {
        key: 'james',
        author: 'hannah',
        createdAt: '2026-11-12T09:05:00.000Z',
        body: 'Referred by Aisha Khan. Wants <20% on-call & asked about the pager rota before committing to a screen.',
      },
    ],
  },
  {
    key: 'daniel',
    name: 'Daniel Okafor',
    email: 'daniel.okafor@example.org',
    phone: '+44 7700 900789',
    location: 'Manchester, United Kingdom',
    headline: 'Product Designer at Lumen Freight',
    company: 'Lumen Freight',
    links: ['https://danielokafor.example.org'],
    createdAt: '2026-10-20T13:30:00.000Z',
    application: { job: 'design', stage: 'onsite', source: 'Company website', status: 'active', owner: 'oliver' },
    notes: [
      {
        key: 'daniel',
        author: 'oliver',
        createdAt: '2026-11-04T15:45:00.000Z',
        body: 'Portfolio call: strong systems thinking in the shipment-tracking redesign; light on research ops.',
      },
    ],
  },
  {
    key: 'sofia',
    name: 'Sofía Martínez',
    email: 'sofia.martinez@example.org',
    phone: '+34 600 000 142',
    location: 'Madrid, Spain',
    headline: 'Data Engineer at Copperleaf Software',
    company: 'Copperleaf Software',
    links: [],
    createdAt: '2026-11-18T07:55:00.000Z',
    application: { job: 'data', stage: 'review', source: 'Company website', status: 'active', owner: 'hannah' },
    notes: [
      {
        key: 'sofia',
        author: 'hannah',
        createdAt: '2026-11-18T10:12:00.000Z',
        body: 'Applied through the careers page. dbt and Airflow in production; open to relocating to Manchester.',
      },
    ],
  },
  {
    key: 'mei',
    name: 'Mei Lin Chen',
    email: 'meilin.chen@example.org',
    phone: '+44 7700 900321',
    location: 'Leeds, United Kingdom',
    headline: 'Analytics Engineer at Harbor & Finch',
    company: 'Harbor & Finch',
    links: [],
    createdAt: '2026-10-06T12:00:00.000Z',
    application: {
      job: 'data',
      stage: 'offer',
      source: 'Agency: Northbridge Talent',
      status: 'active',
      owner: 'marcus',
    },
    notes: [
      {
        key: 'mei',
        author: 'marcus',
        createdAt: '2026-11-19T17:30:00.000Z',
        body: 'Offer call booked for Thursday. Holding a competing offer from another fintech.',
      },
    ],
  },
  {
    key: 'tomasz',
    name: 'Tomasz Nowak',
    email: 'tomasz.nowak@example.org',
    phone: '+48 500 000 274',
    location: 'Warsaw, Poland',
    headline: 'Engineering Manager at Lumen Freight',
    company: 'Lumen Freight',
    links: [],
    createdAt: '2026-07-01T09:20:00.000Z',
    application: { job: 'manager', stage: 'screen', source: 'LinkedIn', status: 'archived', owner: 'hannah' },
    notes: [
      {
        key: 'tomasz',
        author: 'hannah',
        createdAt: '2026-08-14T11:00:00.000Z',
        body: 'Role closed before the onsite. Keep warm for future platform leadership roles.',
      },
    ],
  },
];

const interviews: Array<{
  key: InterviewKey;
  person: PersonKey;
  title: string;
  interviewer: UserKey;
  startAt: string;
  endAt: string;
}> = [
  {
    key: 'priyaTechnical',
    person: 'priya',
    title: 'Technical Interview',
    interviewer: 'aisha',
    startAt: '2026-11-24T14:00:00.000Z',
    endAt: '2026-11-24T15:00:00.000Z',
  },
  {
    key: 'jamesScreen',
    person: 'james',
    title: 'Recruiter Screen',
    interviewer: 'hannah',
    startAt: '2026-11-25T10:00:00.000Z',
    endAt: '2026-11-25T10:30:00.000Z',
  },
  {
    key: 'danielPortfolio',
    person: 'daniel',
    title: 'Portfolio Review',
    interviewer: 'oliver',
    startAt: '2026-11-26T13:00:00.000Z',
    endAt: '2026-11-26T14:00:00.000Z',
  },
];

function buildAts(ids: VendorIds, vendor: 'ashby' | 'lever' | 'pinpoint'): AtsData {
  const stageKeys = Object.keys(ids.stages) as StageKey[];
  return {
    users: users.map(({ key, ...user }) => ({ ...user, id: ids.users[key], role: roles[vendor][key] })),
    jobs: jobs.map(({ key, hiringManager, ...job }) => ({
      ...job,
      id: ids.jobs[key],
      hiringManagerId: ids.users[hiringManager],
    })),
    stages: stageKeys.map((key) => ({ id: ids.stages[key], ...stages[vendor][key] })),
    candidates: people.map((person) => ({
      id: ids.candidates[person.key],
      ...(ids.contacts ? { contactId: ids.contacts[person.key] } : {}),
      name: person.name,
      email: person.email,
      phone: person.phone,
      location: person.location,
      headline: person.headline,
      company: person.company,
      ...(person.linkedInSlug ? { linkedInUrl: `https://www.linkedin.com/in/${person.linkedInSlug}` } : {}),
      links: person.links,
      notes: person.notes.map((note) => ({
        id: ids.notes[note.key],
        authorId: ids.users[note.author],
        body: note.body,
        createdAt: note.createdAt,
      })),
      createdAt: person.createdAt,
    })),
    applications: people.map(({ key, application, createdAt }) => ({
      id: ids.applications[key],
      candidateId: ids.candidates[key],
      jobId: ids.jobs[application.job],
      stageId: ids.stages[application.stage],
      source: application.source,
      status: application.status,
      ownerId: ids.users[application.owner],
      createdAt,
    })),
    interviews: interviews.map((interview) => ({
      id: ids.interviews[interview.key],
      applicationId: ids.applications[interview.person],
      title: interview.title,
      interviewerId: ids.users[interview.interviewer],
      startAt: interview.startAt,
      endAt: interview.endAt,
    })),
  };
}

const profiles: LinkedinProfile[] = [
  {
    slug: 'elena-petrova-5c3e91',
    name: 'Elena Petrova',
    headline: 'Staff Data Engineer at Lumen Freight · Streaming pipelines, dbt, Kafka',
    location: 'Berlin, Germany',
    about:
      'I build data platforms that analysts trust. Eight years across logistics and fintech, most recently leading the move from nightly batch jobs to streaming at Lumen Freight. I care about data contracts, boring infrastructure and mentoring.',
    experience: [
      {
        title: 'Staff Data Engineer',
        company: 'Lumen Freight',
        companySlug: 'lumen-freight',
        employmentType: 'Full-time',
        start: 'Mar 2022',
        location: 'Berlin, Germany',
        description:
          'Lead engineer for the real-time shipment events platform (Kafka, Flink, dbt). Cut reporting latency from 24 hours to 5 minutes.',
      },
      {
        title: 'Senior Data Engineer',
        company: 'Kestrel Payments',
        companySlug: 'kestrel-payments',
        employmentType: 'Full-time',
        start: 'Jan 2019',
        end: 'Feb 2022',
        location: 'London, United Kingdom',
        description:
          'Built the reconciliation warehouse and the data quality checks behind monthly settlement reports.',
      },
      {
        title: 'Data Analyst',
        company: 'Copperleaf Software',
        employmentType: 'Full-time',
        start: 'Sep 2016',
        end: 'Dec 2018',
        location: 'Sofia, Bulgaria',
        description: 'Product analytics and the first version of the company data warehouse.',
      },
    ],
    education: [
      {
        school: 'Technical University of Munich',
        degree: 'MSc',
        field: 'Data Engineering and Analytics',
        start: '2014',
        end: '2016',
      },
      { school: 'Sofia University', degree: 'BSc', field: 'Computer Science', start: '2010', end: '2014' },
    ],
  },
  {
    slug: 'priya-raman-4b1a2c',
    name: 'Priya Raman',
    headline: 'Senior Backend Engineer at Kestrel Payments',
    location: 'London, England, United Kingdom',
    about:
      'Backend engineer focused on payments: ledgers, idempotent APIs and the unglamorous work of making money movement correct. Go and Kotlin by day, PostgreSQL internals by night.',
    experience: [
      {
        title: 'Senior Backend Engineer',
        company: 'Kestrel Payments',
        companySlug: 'kestrel-payments',
        employmentType: 'Full-time',
        start: 'Jun 2021',
        location: 'London, United Kingdom',
        description: 'Owns the payouts ledger service; led the migration to exactly-once settlement processing.',
      },
      {
        title: 'Software Engineer',
        company: 'Brightline Health',
        companySlug: 'brightline-health',
        employmentType: 'Full-time',
        start: 'Aug 2017',
        end: 'May 2021',
        location: 'Leeds, United Kingdom',
        description: 'Appointment booking APIs and the integration layer with NHS scheduling systems.',
      },
    ],
    education: [
      { school: 'University of Edinburgh', degree: 'BEng', field: 'Software Engineering', start: '2013', end: '2017' },
    ],
  },
  {
    slug: 'kwame-mensah-8d2f07',
    name: 'Kwame Mensah',
    headline: 'Engineering Manager · Developer Platform at Brightline Health',
    location: 'Leeds, England, United Kingdom',
    about:
      'I lead platform teams that make other engineers faster: CI, internal tooling, paved roads. Previously an SRE, still on the on-call rota.',
    experience: [
      {
        title: 'Engineering Manager, Developer Platform',
        company: 'Brightline Health',
        companySlug: 'brightline-health',
        employmentType: 'Full-time',
        start: 'Feb 2023',
        location: 'Leeds, United Kingdom',
        description: 'Manages two teams (11 engineers) owning CI/CD, the service template and observability.',
      },
      {
        title: 'Site Reliability Engineer',
        company: 'Harbor & Finch',
        employmentType: 'Full-time',
        start: 'Apr 2018',
        end: 'Jan 2023',
        location: 'Manchester, United Kingdom',
        description: 'Kubernetes migration, incident process and SLOs for the trading platform.',
      },
    ],
    education: [
      { school: 'University of Manchester', degree: 'BSc', field: 'Computer Science', start: '2014', end: '2017' },
    ],
  },
];

const companies: LinkedinCompany[] = [
  {
    slug: 'lumen-freight',
    name: 'Lumen Freight',
    industry: 'Transportation, Logistics, Supply Chain and Storage',
    size: '501-1,000 employees',
    headquarters: 'Berlin, Germany',
    about: 'Lumen Freight gives shippers live visibility of every pallet across road, rail and sea.',
  },
  {
    slug: 'kestrel-payments',
    name: 'Kestrel Payments',
    industry: 'Financial Services',
    size: '201-500 employees',
    headquarters: 'London, United Kingdom',
    about: 'Kestrel Payments runs payouts and reconciliation for online marketplaces across Europe.',
  },
  {
    slug: 'brightline-health',
    name: 'Brightline Health',
    industry: 'Hospitals and Health Care',
    size: '1,001-5,000 employees',
    headquarters: 'Leeds, United Kingdom',
    about: 'Brightline Health builds scheduling and triage software for clinics and hospitals.',
  },
];

export const seed: SandboxData = {
  ashby: buildAts(ashbyIds, 'ashby'),
  lever: buildAts(leverIds, 'lever'),
  pinpoint: { ...buildAts(pinpointIds, 'pinpoint'), subdomain: sandboxCredentials.pinpoint.subdomain },
  linkedin: { profiles, companies },
};

/** Well-known IDs for tests and the demo. */
export const demo = {
  ashby: {
    candidateId: ashbyIds.candidates.priya,
    secondCandidateId: ashbyIds.candidates.james,
    jobId: ashbyIds.jobs.backend,
    interviewBriefingId: ashbyIds.interviews.priyaTechnical,
  },
  lever: {
    candidateId: leverIds.candidates.priya,
    secondCandidateId: leverIds.candidates.james,
    interviewId: leverIds.interviews.priyaTechnical,
  },
  pinpoint: {
    subdomain: 'acme',
    jobId: pinpointIds.jobs.backend,
    applicationId: pinpointIds.applications.priya,
    secondApplicationId: pinpointIds.applications.james,
    stageId: pinpointIds.stages.technical,
  },
  linkedin: {
    /** Not in any ATS yet: the "export a new person" path. */
    slug: 'elena-petrova-5c3e91',
    /** Priya Raman, already a candidate in all three ATSs with this LinkedIn URL: the "already there" path. */
    secondSlug: 'priya-raman-4b1a2c',
  },
} as const;
