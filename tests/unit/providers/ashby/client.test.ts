import { describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from '@/lib/http/rate-limiter';
import { ashbyRateRules, createAshbyClient, readAshbyError } from '@/lib/providers/ashby/client';
import { fakeClock } from '../../http/fake-clock';
import { sidecarFailure as failure } from '../../sidecar-failure';

// Payloads shaped like the examples in Ashby's API reference (shared/reference/ashby-api.md §6).
const ids = {
  candidate: '5b591aed-88e3-4395-b9c6-7d529f93354a',
  application: '3ae2b801-19f6-41ef-ad28-214bd731948f',
  secondApplication: 'c7a5c0f8-46b7-4e5a-9d3c-0c8f0f0a2b11',
  job: '7c1ac8e4-2f7e-4bd5-9b3b-4b5c3a1f7e21',
  plan: '0f2e2a8b-6c3a-4d0e-9a5e-2b1f7e3c9d40',
  stageReview: '1b1e2a3c-0000-4000-8000-000000000001',
  stageScreen: '1b1e2a3c-0000-4000-8000-000000000002',
  stageOnsite: '1b1e2a3c-0000-4000-8000-000000000003',
  stageArchived: '1b1e2a3c-0000-4000-8000-000000000004',
  user: '3d9a0e2c-8a5b-4f0e-b1e2-6c7d8e9f0a1b',
  form: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  event: '5d1e7a2b-8c3f-4e6a-b9d0-1f2a3b4c5d6e',
};

const key = 'ashby-test-key';
const authorization = `Basic ${btoa(`${key}:`)}`;

function user(overrides: Record<string, unknown> = {}) {
  return {
    id: ids.user,
    firstName: 'Hannah',
    lastName: 'Brooks',
    email: 'hannah@example.com',
    globalRole: 'Organization Admin',
    isEnabled: true,
    updatedAt: '2024-03-04T09:12:00.000Z',
    ...overrides,
  };
}

function candidate(overrides: Record<string, unknown> = {}) {
  return {
    id: ids.candidate,
    createdAt: '2026-11-03T10:14:00.000Z',
    updatedAt: '2026-11-03T10:14:00.000Z',
    name: 'Adam Hart',
    primaryEmailAddress: { value: 'adam@example.com', type: 'Personal', isPrimary: true },
    emailAddresses: [
      { value: 'adam@example.com', type: 'Personal', isPrimary: true },
      { value: 'adam.hart@work.example.com', type: 'Work', isPrimary: false },
    ],
    primaryPhoneNumber: { value: '555-555-5555', type: 'Personal', isPrimary: true },
    phoneNumbers: [{ value: '555-555-5555', type: 'Personal', isPrimary: true }],
    socialLinks: [
      { type: 'LinkedIn', url: 'https://www.linkedin.com/in/adam-hart/' },
      { type: 'GitHub', url: 'https://github.com/adamhart' },
    ],
    tags: [],
    position: 'Software Engineer',
    company: 'Auction.com',
    school: 'Princeton University',
    applicationIds: [ids.application],
    resumeFileHandle: null,
    fileHandles: [],
    customFields: [],
    profileUrl: `https://app.ashbyhq.com/candidates/${ids.candidate}`,
    source: null,
    creditedToUser: null,
    timezone: 'America/Los_Angeles',
    location: {
      id: 'e9a4a4d1-5f0e-4f36-9a6c-2b9f4c1e8a70',
      locationSummary: 'San Francisco, California, United States',
      locationComponents: [],
    },
    ...overrides,
  };
}

function stage(id: string, title: string, order: number, type = 'Active') {
  return { id, title, type, orderInInterviewPlan: order, interviewStageGroupId: null, interviewPlanId: ids.plan };
}

function application(overrides: Record<string, unknown> = {}) {
  return {
    id: ids.application,
    createdAt: '2026-11-03T10:14:00.000Z',
    updatedAt: '2026-11-10T10:14:00.000Z',
    status: 'Active',
    customFields: [],
    candidate: { id: ids.candidate, name: 'Adam Hart', primaryEmailAddress: null, primaryPhoneNumber: null },
    currentInterviewStage: stage(ids.stageScreen, 'Recruiter Screen', 1),
    source: { id: 'b2f0c1f6-0000-4000-8000-00000000000a', title: 'LinkedIn', isArchived: false },
    archiveReason: null,
    archivedAt: null,
    job: { id: ids.job, title: 'Software Engineer', locationId: 'loc-1', departmentId: 'dep-1' },
    creditedToUser: null,
    hiringTeam: [
      { userId: ids.user, firstName: 'Hannah', lastName: 'Brooks', email: 'hannah@example.com', role: 'Recruiter' },
    ],
    ...overrides,
  };
}

function job(id: string, title: string, status: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    title,
    confidential: false,
    status,
    employmentType: 'FullTime',
    locationId: 'loc-1',
    departmentId: 'dep-1',
    defaultInterviewPlanId: ids.plan,
    interviewPlanIds: [ids.plan],
    customFields: [],
    jobPostingIds: [],
    hiringTeam: [],
    createdAt: '2026-09-01T09:00:00.000Z',
    updatedAt: '2026-09-02T09:00:00.000Z',
    ...overrides,
  };
}

function note(id: string, content: string) {
  return {
    id,
    createdAt: '2026-11-10T16:20:00.000Z',
    isPrivate: false,
    content,
    author: { id: ids.user, firstName: 'Hannah', lastName: 'Brooks', email: 'hannah@example.com' },
  };
}

const ok = (results: unknown) => ({ success: true, results });
const pageOf = (results: unknown[], nextCursor?: string) => ({
  success: true,
  results,
  moreDataAvailable: nextCursor !== undefined,
  ...(nextCursor ? { nextCursor } : { syncToken: 'sync-1' }),
});
const failed = (code: string, message: string) => ({
  success: false,
  errors: [code],
  errorInfo: { code, message, requestId: '01HZY7R1B4Q9' },
});

type Reply = unknown | Response | Error;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

interface SentRequest {
  url: string;
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  rawBody: unknown;
}

/** A fake fetch that answers per endpoint from queues, since some operations call several endpoints at once. */
function setup(routes: Record<string, Reply[]>) {
  const clock = fakeClock();
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const endpoint = new URL(url).pathname.slice(1);
    sent.push({
      url,
      endpoint,
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
      rawBody: init?.body,
    });
    const reply = routes[endpoint]?.shift();
    if (reply === undefined) throw new Error(`unexpected call to ${endpoint}`);
    if (reply instanceof Error) throw reply;
    if (reply instanceof Response) return reply;
    return json(reply);
  });
  const client = createAshbyClient(
    { key },
    {
      fetch: fetch as unknown as typeof globalThis.fetch,
      clock,
      random: () => 1,
      limiter: createRateLimiter([{ capacity: 1000, refillPerSecond: 1000 }], clock),
    },
  );
  const bodiesOf = (endpoint: string) => sent.filter((each) => each.endpoint === endpoint).map((each) => each.body);
  return { client, fetch, sent, clock, bodiesOf };
}

describe('Ashby client: transport', () => {
  it('POSTs JSON to /<category>.<method> with Basic auth (key, empty password) and the versioned Accept header', async () => {
    const { client, sent } = setup({
      'candidate.info': [ok(candidate({ applicationIds: [] }))],
    });
    await client.getCandidateContext({ candidateId: ids.candidate });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      url: 'https://api.ashbyhq.com/candidate.info',
      method: 'POST',
      headers: {
        Authorization: authorization,
        Accept: 'application/json; version=1',
        'Content-Type': 'application/json',
      },
      body: { id: ids.candidate },
    });
  });

  it('limits itself to bursts of 10 and 5 requests a second', () => {
    expect(ashbyRateRules).toEqual([{ capacity: 10, refillPerSecond: 5 }]);
  });
});

describe('Ashby client: getCandidateContext', () => {
  it('reads the candidate and each application, with job titles and stage names, focusing the only application', async () => {
    const { client, bodiesOf } = setup({
      'candidate.info': [ok(candidate())],
      'application.info': [ok(application())],
    });
    const context = await client.getCandidateContext({ candidateId: ids.candidate });
    expect(bodiesOf('application.info')).toEqual([{ applicationId: ids.application }]);
    expect(context).toEqual({
      candidate: {
        provider: 'ashby',
        id: ids.candidate,
        name: 'Adam Hart',
        emails: ['adam@example.com', 'adam.hart@work.example.com'],
        phones: ['555-555-5555'],
        linkedinUrl: 'https://www.linkedin.com/in/adam-hart/',
        location: 'San Francisco, California, United States',
        headline: 'Software Engineer',
        company: 'Auction.com',
        owner: { id: ids.user, name: 'Hannah Brooks', email: 'hannah@example.com', role: 'Recruiter' },
        url: `https://app.ashbyhq.com/candidates/${ids.candidate}`,
        applicationIds: [ids.application],
      },
      applications: [
        {
          provider: 'ashby',
          id: ids.application,
          candidateId: ids.candidate,
          jobId: ids.job,
          jobTitle: 'Software Engineer',
          stage: { id: ids.stageScreen, name: 'Recruiter Screen', position: 1 },
          status: 'active',
          createdAt: '2026-11-03T10:14:00.000Z',
          source: 'LinkedIn',
        },
      ],
      focusApplicationId: ids.application,
    });
  });

  it('prefers the credited user as owner and leaves focus unset when several applications exist', async () => {
    const { client } = setup({
      'candidate.info': [
        ok(
          candidate({
            applicationIds: [ids.application, ids.secondApplication],
            creditedToUser: user({
              id: 'credited-user',
              firstName: 'Marcus',
              lastName: 'Webb',
              email: 'm@example.com',
            }),
          }),
        ),
      ],
      'application.info': [
        ok(application()),
        ok(application({ id: ids.secondApplication, status: 'Archived', job: { id: 'job-2', title: 'Designer' } })),
      ],
    });
    const context = await client.getCandidateContext({ candidateId: ids.candidate });
    expect(context.candidate.owner).toEqual({
      id: 'credited-user',
      name: 'Marcus Webb',
      email: 'm@example.com',
      role: 'Organization Admin',
    });
    expect(context.applications.map((each) => [each.id, each.status, each.jobTitle])).toEqual([
      [ids.application, 'active', 'Software Engineer'],
      [ids.secondApplication, 'archived', 'Designer'],
    ]);
    expect(context.focusApplicationId).toBeUndefined();
  });

  it('refuses a page without a candidate id before sending anything', async () => {
    const { client, fetch } = setup({});
    expect(await failure(client.getCandidateContext({}))).toMatchObject({ kind: 'invalid-input', provider: 'ashby' });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Ashby client: lists', () => {
  it('lists open jobs over every page, with department and location names', async () => {
    const { client, bodiesOf } = setup({
      'job.list': [
        pageOf([job('job-1', 'Backend Engineer', 'Open')], 'cursor-2'),
        pageOf([job('job-2', 'Designer', 'Open', { departmentId: 'dep-2', locationId: null })]),
      ],
      'department.list': [
        pageOf([
          { id: 'dep-1', name: 'Engineering' },
          { id: 'dep-2', name: 'Design' },
        ]),
      ],
      'location.list': [pageOf([{ id: 'loc-1', name: 'London' }])],
    });
    const jobs = await client.listOpenJobs();
    expect(bodiesOf('job.list')).toEqual([
      { status: ['Open'], limit: 100 },
      { status: ['Open'], limit: 100, cursor: 'cursor-2' },
    ]);
    expect(bodiesOf('department.list')).toEqual([{ includeArchived: true, limit: 100 }]);
    expect(jobs).toEqual([
      {
        provider: 'ashby',
        id: 'job-1',
        title: 'Backend Engineer',
        status: 'open',
        department: 'Engineering',
        location: 'London',
        url: 'https://app.ashbyhq.com/jobs/job-1/candidate-pipeline/active',
        updatedAt: '2026-09-02T09:00:00.000Z',
      },
      {
        provider: 'ashby',
        id: 'job-2',
        title: 'Designer',
        status: 'open',
        department: 'Design',
        url: 'https://app.ashbyhq.com/jobs/job-2/candidate-pipeline/active',
        updatedAt: '2026-09-02T09:00:00.000Z',
      },
    ]);
  });

  it('lists active users with email over every page', async () => {
    const { client, bodiesOf } = setup({
      'user.list': [
        pageOf([user(), user({ id: 'u2', firstName: 'Old', lastName: 'Account', isEnabled: false })], 'next'),
        pageOf([
          user({
            id: 'u3',
            firstName: 'Aisha',
            lastName: 'Khan',
            email: 'aisha@example.com',
            globalRole: 'Limited Access',
          }),
        ]),
      ],
    });
    const users = await client.listUsers();
    expect(bodiesOf('user.list')).toEqual([
      { includeDeactivated: false, limit: 100 },
      { includeDeactivated: false, limit: 100, cursor: 'next' },
    ]);
    expect(users).toEqual([
      { id: ids.user, name: 'Hannah Brooks', email: 'hannah@example.com', role: 'Organization Admin' },
      { id: 'u3', name: 'Aisha Khan', email: 'aisha@example.com', role: 'Limited Access' },
    ]);
  });

  it('lists the stages of the application’s interview plan in order, leaving out Archived', async () => {
    const { client, bodiesOf } = setup({
      'application.info': [ok(application())],
      'interviewStage.list': [
        {
          success: true,
          moreDataAvailable: false,
          results: [
            stage(ids.stageOnsite, 'Onsite', 2),
            stage(ids.stageArchived, 'Archived', 3, 'Archived'),
            stage(ids.stageReview, 'Application Review', 0, 'PreInterviewScreen'),
            stage(ids.stageScreen, 'Recruiter Screen', 1),
          ],
        },
      ],
    });
    const stages = await client.listStages({
      provider: 'ashby',
      id: ids.application,
      candidateId: ids.candidate,
      status: 'active',
    });
    expect(bodiesOf('interviewStage.list')).toEqual([{ interviewPlanId: ids.plan }]);
    expect(stages).toEqual([
      { id: ids.stageReview, name: 'Application Review', position: 0 },
      { id: ids.stageScreen, name: 'Recruiter Screen', position: 1 },
      { id: ids.stageOnsite, name: 'Onsite', position: 2 },
    ]);
  });

  it('lists a candidate’s notes over every page as plain text', async () => {
    const { client, bodiesOf } = setup({
      'candidate.listNotes': [
        pageOf([note('n1', '<b>Screen</b>: strong on <i>payments</i><br>Notice: 3 months')], 'c2'),
        pageOf([note('n2', 'Wants &lt;20% on-call &amp; a pager rota<ul><li>Go</li><li>Kotlin</li></ul>')]),
      ],
    });
    const notes = await client.listNotes({ candidateId: ids.candidate, applicationId: ids.application });
    expect(bodiesOf('candidate.listNotes')).toEqual([
      { candidateId: ids.candidate, limit: 100 },
      { candidateId: ids.candidate, limit: 100, cursor: 'c2' },
    ]);
    expect(notes).toEqual([
      {
        provider: 'ashby',
        id: 'n1',
        candidateId: ids.candidate,
        text: 'Screen: strong on payments\nNotice: 3 months',
        author: 'Hannah Brooks',
        createdAt: '2026-11-10T16:20:00.000Z',
      },
      {
        provider: 'ashby',
        id: 'n2',
        candidateId: ids.candidate,
        text: 'Wants <20% on-call & a pager rota\n• Go\n• Kotlin',
        author: 'Hannah Brooks',
        createdAt: '2026-11-10T16:20:00.000Z',
      },
    ]);
  });

  it('lists unarchived feedback forms with field types, options and paths as field ids', async () => {
    const form = {
      id: ids.form,
      organizationId: 'org',
      title: 'Technical Interview',
      isArchived: false,
      isDefaultForm: false,
      formDefinition: {
        sections: [
          {
            title: 'Assessment',
            fields: [
              {
                isRequired: true,
                descriptionPlain: 'How strong overall?',
                field: { id: 'f1', type: 'Score', path: '_systemfield_overall', title: 'Overall', isNullable: false },
              },
              {
                isRequired: false,
                field: {
                  id: 'f2',
                  type: 'ValueSelect',
                  path: 'design',
                  title: 'System design',
                  isNullable: true,
                  selectableValues: [
                    { label: 'Below', value: 'below' },
                    { label: 'Above', value: 'above' },
                  ],
                },
              },
              {
                isRequired: false,
                field: { id: 'f3', type: 'RichText', path: 'notes', title: 'Notes', isNullable: true },
              },
              { isRequired: false, field: { id: 'f4', type: 'Currency', path: 'pay', title: 'Pay', isNullable: true } },
            ],
          },
        ],
      },
    };
    const { client, bodiesOf } = setup({
      'feedbackFormDefinition.list': [pageOf([form], 'p2'), pageOf([{ ...form, id: 'old', isArchived: true }])],
    });
    const forms = await client.listFeedbackForms();
    expect(bodiesOf('feedbackFormDefinition.list')).toHaveLength(2);
    expect(forms).toEqual([
      {
        provider: 'ashby',
        id: ids.form,
        title: 'Technical Interview',
        fields: [
          {
            id: '_systemfield_overall',
            label: 'Overall',
            description: 'How strong overall?',
            type: 'score',
            required: true,
            options: ['1', '2', '3', '4'].map((value) => ({ value, label: value })),
          },
          {
            id: 'design',
            label: 'System design',
            type: 'single-select',
            required: false,
            options: [
              { value: 'below', label: 'Below' },
              { value: 'above', label: 'Above' },
            ],
          },
          { id: 'notes', label: 'Notes', type: 'rich-text', required: false, options: [] },
          { id: 'pay', label: 'Pay', type: 'other', required: false, options: [] },
        ],
      },
    ]);
  });

  it('fails with invalid-response when a server repeats a cursor, instead of looping', async () => {
    const { client } = setup({
      'user.list': [pageOf([user()], 'same'), pageOf([user()], 'same')],
    });
    expect(await failure(client.listUsers())).toMatchObject({
      kind: 'invalid-response',
      message: expect.stringContaining('nextCursor'),
    });
  });

  it('fails with invalid-response when more data is announced without a cursor', async () => {
    const { client } = setup({
      'user.list': [{ success: true, results: [], moreDataAvailable: true }],
    });
    expect(await failure(client.listUsers())).toMatchObject({ kind: 'invalid-response' });
  });
});

describe('Ashby client: findCandidates', () => {
  it('searches by email with candidate.search', async () => {
    const { client, bodiesOf } = setup({ 'candidate.search': [ok([candidate()])] });
    const found = await client.findCandidates({ email: ' adam@example.com ' });
    expect(bodiesOf('candidate.search')).toEqual([{ email: 'adam@example.com' }]);
    expect(found.map((each) => each.id)).toEqual([ids.candidate]);
  });

  it('searches by name with candidate.search', async () => {
    const { client, bodiesOf } = setup({ 'candidate.search': [ok([])] });
    expect(await client.findCandidates({ name: 'Adam Hart' })).toEqual([]);
    expect(bodiesOf('candidate.search')).toEqual([{ name: 'Adam Hart' }]);
  });

  it('finds by LinkedIn URL by listing every candidate page and comparing normalized URLs', async () => {
    const { client, bodiesOf } = setup({
      'candidate.list': [
        pageOf(
          [candidate({ id: 'other', socialLinks: [{ type: 'LinkedIn', url: 'https://linkedin.com/in/someone' }] })],
          'c2',
        ),
        pageOf([candidate()]),
      ],
    });
    const found = await client.findCandidates({ linkedinUrl: 'HTTPS://LinkedIn.com/in/Adam-Hart?trk=profile' });
    expect(bodiesOf('candidate.list')).toEqual([{ limit: 100 }, { limit: 100, cursor: 'c2' }]);
    expect(found.map((each) => each.id)).toEqual([ids.candidate]);
  });

  it('refuses a query with no criterion', async () => {
    const { client } = setup({});
    expect(await failure(client.findCandidates({}))).toMatchObject({ kind: 'invalid-input' });
  });
});

describe('Ashby client: writes', () => {
  it('creates a candidate with one name, primary and alternate emails, phone, LinkedIn URL and credit', async () => {
    const { client, sent } = setup({ 'candidate.create': [ok(candidate({ applicationIds: [] }))] });
    const created = await client.createCandidate({
      name: 'Adam Hart',
      firstName: 'Adam',
      lastName: 'Hart',
      emails: ['adam@example.com', 'adam.hart@work.example.com'],
      phones: ['555-555-5555'],
      linkedinUrl: 'https://www.linkedin.com/in/adam-hart',
      location: 'San Francisco',
      headline: 'Software Engineer',
      company: 'Auction.com',
      jobId: ids.job,
      performAs: ids.user,
    });
    expect(sent[0]).toMatchObject({
      url: 'https://api.ashbyhq.com/candidate.create',
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: {
        name: 'Adam Hart',
        email: 'adam@example.com',
        alternateEmailAddresses: ['adam.hart@work.example.com'],
        phoneNumber: '555-555-5555',
        linkedInUrl: 'https://www.linkedin.com/in/adam-hart',
        creditedToUserId: ids.user,
      },
    });
    expect(Object.keys(sent[0]?.body as object)).toHaveLength(6);
    expect(created).toMatchObject({ provider: 'ashby', id: ids.candidate, name: 'Adam Hart' });
  });

  it('creates an application for an existing candidate', async () => {
    const { client, bodiesOf } = setup({ 'application.create': [ok(application())] });
    const created = await client.createApplication({ candidateId: ids.candidate, jobId: ids.job });
    expect(bodiesOf('application.create')).toEqual([{ candidateId: ids.candidate, jobId: ids.job }]);
    expect(created).toMatchObject({ id: ids.application, jobTitle: 'Software Engineer', status: 'active' });
  });

  it('refuses to create an application without a candidate id', async () => {
    const { client, fetch } = setup({});
    expect(await failure(client.createApplication({ jobId: ids.job }))).toMatchObject({ kind: 'invalid-input' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('creates an HTML note when html is given, else a plain-text note', async () => {
    const { client, bodiesOf } = setup({
      'candidate.createNote': [ok(note('n1', '<b>Summary</b>')), ok(note('n2', 'Plain'))],
    });
    const created = await client.createNote({ candidateId: ids.candidate, text: 'Summary', html: '<b>Summary</b>' });
    await client.createNote({ candidateId: ids.candidate, applicationId: ids.application, text: 'Plain' });
    expect(bodiesOf('candidate.createNote')).toEqual([
      { candidateId: ids.candidate, note: { type: 'text/html', value: '<b>Summary</b>' } },
      { candidateId: ids.candidate, note: { type: 'text/plain', value: 'Plain' } },
    ]);
    expect(created).toMatchObject({ id: 'n1', candidateId: ids.candidate, text: 'Summary' });
  });

  it('does not resend a note after a 5xx, because the note may have been created', async () => {
    const { client, fetch } = setup({
      'candidate.createNote': [json(failed('internal_error', 'Service unavailable'), 503)],
    });
    expect(await failure(client.createNote({ candidateId: ids.candidate, text: 'x' }))).toMatchObject({
      kind: 'upstream',
      status: 503,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('uploads a resume as multipart form data with candidateId and the file as resume', async () => {
    const { client, sent } = setup({ 'candidate.uploadResume': [ok(candidate())] });
    await client.uploadResume({
      candidateId: ids.candidate,
      file: { name: 'adam-hart.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 resume') },
    });
    const request = sent[0];
    expect(request?.url).toBe('https://api.ashbyhq.com/candidate.uploadResume');
    expect(request?.headers['Content-Type']).toBeUndefined();
    expect(request?.headers.Authorization).toBe(authorization);
    const form = request?.rawBody as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.get('candidateId')).toBe(ids.candidate);
    const file = form.get('resume') as File;
    expect(file.name).toBe('adam-hart.pdf');
    expect(file.type).toBe('application/pdf');
    expect(await file.text()).toBe('%PDF-1.4 resume');
  });

  it('moves to a stage and then posts the note on the candidate', async () => {
    const moved = application({ currentInterviewStage: stage(ids.stageOnsite, 'Onsite', 2) });
    const { client, sent } = setup({
      'application.changeStage': [ok(moved)],
      'candidate.createNote': [ok(note('n3', 'Great screen'))],
    });
    const result = await client.moveToStage({
      candidateId: ids.candidate,
      applicationId: ids.application,
      stageId: ids.stageOnsite,
      note: 'Great screen',
    });
    expect(sent.map((each) => [each.endpoint, each.body])).toEqual([
      ['application.changeStage', { applicationId: ids.application, interviewStageId: ids.stageOnsite }],
      ['candidate.createNote', { candidateId: ids.candidate, note: { type: 'text/plain', value: 'Great screen' } }],
    ]);
    expect(result.stage).toEqual({ id: ids.stageOnsite, name: 'Onsite', position: 2 });
  });

  it('moves to a stage with one call when there is no note', async () => {
    const { client, sent } = setup({ 'application.changeStage': [ok(application())] });
    await client.moveToStage({ candidateId: ids.candidate, applicationId: ids.application, stageId: ids.stageScreen });
    expect(sent).toHaveLength(1);
  });

  it('schedules an interview with the interviewer by email, leaving out location and title', async () => {
    const { client, bodiesOf } = setup({
      'interviewSchedule.create': [
        ok({
          id: 'schedule-1',
          status: 'Scheduled',
          applicationId: ids.application,
          interviewStageId: ids.stageOnsite,
          createdAt: '2026-11-20T10:00:00.000Z',
          updatedAt: '2026-11-20T10:00:00.000Z',
          interviewEvents: [
            {
              id: ids.event,
              interviewId: null,
              startTime: '2026-11-24T14:00:00.000Z',
              endTime: '2026-11-24T15:00:00.000Z',
              interviewers: [],
              feedbackLink: `https://app.ashbyhq.com/interview-briefings/${ids.event}/feedback`,
              location: null,
            },
          ],
        }),
      ],
    });
    const scheduled = await client.scheduleInterview({
      candidateId: ids.candidate,
      applicationId: ids.application,
      start: '2026-11-24T14:00:00.000Z',
      end: '2026-11-24T15:00:00.000Z',
      interviewerEmail: 'aisha@example.com',
      location: 'Room 4',
      title: 'Technical',
    });
    expect(bodiesOf('interviewSchedule.create')).toEqual([
      {
        applicationId: ids.application,
        interviewEvents: [
          {
            startTime: '2026-11-24T14:00:00.000Z',
            endTime: '2026-11-24T15:00:00.000Z',
            interviewers: [{ email: 'aisha@example.com' }],
          },
        ],
      },
    ]);
    expect(scheduled).toEqual({
      id: 'schedule-1',
      applicationId: ids.application,
      start: '2026-11-24T14:00:00.000Z',
      end: '2026-11-24T15:00:00.000Z',
    });
  });
});

describe('Ashby client: submitFeedback', () => {
  const form = {
    id: ids.form,
    title: 'Technical Interview',
    isArchived: false,
    formDefinition: {
      sections: [
        {
          fields: [
            { isRequired: true, field: { id: '1', type: 'Score', path: 'score', title: 'Score' } },
            { isRequired: true, field: { id: '2', type: 'RichText', path: 'summary', title: 'Summary' } },
            { isRequired: false, field: { id: '3', type: 'Boolean', path: 'hire', title: 'Hire?' } },
            { isRequired: false, field: { id: '4', type: 'MultiValueSelect', path: 'skills', title: 'Skills' } },
            { isRequired: false, field: { id: '5', type: 'LongText', path: 'concerns', title: 'Concerns' } },
          ],
        },
      ],
    },
  };

  it('reads the form, converts each value to its field type and submits as the interviewer for the event', async () => {
    const { client, sent } = setup({
      'feedbackFormDefinition.info': [ok(form)],
      'applicationFeedback.submit': [
        ok({ submittedFormInstance: { id: 'fi-1', formDefinition: {}, submittedValues: {} } }),
      ],
    });
    const result = await client.submitFeedback({
      candidateId: ids.candidate,
      applicationId: ids.application,
      formId: ids.form,
      interviewId: ids.event,
      performAs: ids.user,
      values: [
        { fieldId: 'score', value: '3' },
        { fieldId: 'summary', value: 'Strong on payments' },
        { fieldId: 'hire', value: 'yes' },
        { fieldId: 'skills', value: 'go' },
        { fieldId: 'concerns', value: null },
      ],
    });
    expect(sent.map((each) => [each.endpoint, each.body])).toEqual([
      ['feedbackFormDefinition.info', { feedbackFormDefinitionId: ids.form }],
      [
        'applicationFeedback.submit',
        {
          formDefinitionId: ids.form,
          applicationId: ids.application,
          feedbackForm: {
            fieldSubmissions: [
              { path: 'score', value: { score: 3 } },
              { path: 'summary', value: { type: 'PlainText', value: 'Strong on payments' } },
              { path: 'hire', value: true },
              { path: 'skills', value: ['go'] },
            ],
          },
          userId: ids.user,
          interviewEventId: ids.event,
        },
      ],
    ]);
    expect(result).toEqual({ id: 'fi-1' });
  });

  it('asks for the user’s identity before sending feedback tied to an interview', async () => {
    const { client, fetch } = setup({});
    expect(
      await failure(
        client.submitFeedback({
          candidateId: ids.candidate,
          applicationId: ids.application,
          formId: ids.form,
          interviewId: ids.event,
          values: [],
        }),
      ),
    ).toEqual({
      kind: 'invalid-input',
      provider: 'ashby',
      message: 'Set your work email in Sidecar Options so Sidecar can act as you in Ashby.',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a value for a field the form does not have, without submitting', async () => {
    const { client, sent } = setup({ 'feedbackFormDefinition.info': [ok(form)] });
    expect(
      await failure(
        client.submitFeedback({
          candidateId: ids.candidate,
          applicationId: ids.application,
          formId: ids.form,
          values: [{ fieldId: 'nope', value: 'x' }],
        }),
      ),
    ).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('nope') });
    expect(sent.map((each) => each.endpoint)).toEqual(['feedbackFormDefinition.info']);
  });

  it('refuses a score that is not a whole number', async () => {
    const { client } = setup({ 'feedbackFormDefinition.info': [ok(form)] });
    expect(
      await failure(
        client.submitFeedback({
          candidateId: ids.candidate,
          applicationId: ids.application,
          formId: ids.form,
          values: [{ fieldId: 'score', value: 'great' }],
        }),
      ),
    ).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('Score') });
  });
});

describe('Ashby client: verifyKey', () => {
  const probes = {
    'candidate.list': [pageOf([])],
    'job.list': [pageOf([])],
    'user.list': [pageOf([])],
    'interviewPlan.list': [pageOf([])],
    'feedbackFormDefinition.list': [pageOf([])],
  };
  const allScopes = [
    'candidates:read',
    'candidates:write',
    'jobs:read',
    'organization:read',
    'interviews:read',
    'interviews:write',
    'hiringProcessMetadata:read',
  ];

  it('reports a full key as valid with its title, after one cheap read per area', async () => {
    const { client, sent } = setup({
      'apiKey.info': [ok({ title: 'Sidecar', createdAt: '2026-01-05T09:00:00.000Z', scopes: allScopes })],
      ...structuredClone(probes),
    });
    expect(await client.verifyKey()).toEqual({ valid: true, label: 'Sidecar', missing: [] });
    expect(sent.map((each) => [each.endpoint, each.body])).toEqual([
      ['apiKey.info', {}],
      ['candidate.list', { limit: 1 }],
      ['job.list', { limit: 1, status: ['Open'] }],
      ['user.list', { limit: 1 }],
      ['interviewPlan.list', { limit: 1 }],
      ['feedbackFormDefinition.list', { limit: 1 }],
    ]);
  });

  it('reports read permissions refused by a probe and write permissions missing from the scopes', async () => {
    const { client } = setup({
      'apiKey.info': [ok({ title: 'Read only', scopes: ['candidates:read', 'jobs:read', 'interviews:read'] })],
      ...structuredClone(probes),
      'user.list': [json(failed('missing_endpoint_permission', 'Missing organizationRead'), 403)],
      // Ashby may also refuse inside an HTTP 200.
      'feedbackFormDefinition.list': [failed('missing_endpoint_permission', 'Missing hiringProcessMetadataRead')],
    });
    const result = await client.verifyKey();
    expect(result.valid).toBe(true);
    expect(result.label).toBe('Read only');
    expect(result.missing.map((each) => each.permission)).toEqual([
      'organizationRead',
      'hiringProcessMetadataRead',
      'candidatesWrite',
      'interviewsWrite',
    ]);
    expect(result.missing.every((each) => each.why.length > 10)).toBe(true);
  });

  it('does not guess write permissions from scopes in an unknown vocabulary', async () => {
    const { client } = setup({
      'apiKey.info': [ok({ title: 'Odd', scopes: ['CandidatesRead'] })],
      ...structuredClone(probes),
    });
    expect((await client.verifyKey()).missing).toEqual([]);
  });

  it('still probes when the key may not read its own info', async () => {
    const { client } = setup({
      'apiKey.info': [json(failed('missing_endpoint_permission', 'Missing apiKeysRead'), 403)],
      ...structuredClone(probes),
    });
    expect(await client.verifyKey()).toEqual({ valid: true, missing: [] });
  });

  it.each([
    ['a missing key (401)', 401, 'unauthenticated'],
    ['a wrong or deactivated key (403)', 403, 'invalid_api_key'],
  ])('answers valid:false for %s without throwing', async (_name, status, code) => {
    const { client, fetch } = setup({ 'apiKey.info': [json(failed(code, 'Invalid API key'), status)] });
    expect(await client.verifyKey()).toEqual({ valid: false, missing: [] });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('throws other failures, such as Ashby being down', async () => {
    const down = () => json(failed('internal_error', 'Service unavailable'), 503);
    const { client } = setup({ 'apiKey.info': [down(), down(), down(), down()] });
    expect(await failure(client.verifyKey())).toMatchObject({ kind: 'upstream', status: 503 });
  });
});

describe('Ashby client: errors', () => {
  const context = (client: ReturnType<typeof setup>['client']) =>
    client.getCandidateContext({ candidateId: ids.candidate });

  it('maps 401 to auth', async () => {
    const { client } = setup({ 'candidate.info': [json(failed('unauthenticated', 'Missing key'), 401)] });
    expect(await failure(context(client))).toEqual({
      kind: 'auth',
      provider: 'ashby',
      status: 401,
      message: 'Missing key',
    });
  });

  it('maps missing_endpoint_permission to permission, keeping Ashby’s message', async () => {
    const { client } = setup({
      'candidate.info': [json(failed('missing_endpoint_permission', 'Requires candidatesRead'), 403)],
    });
    expect(await failure(context(client))).toEqual({
      kind: 'permission',
      provider: 'ashby',
      status: 403,
      message: 'Requires candidatesRead',
    });
  });

  it('maps a *_not_found refusal inside HTTP 200 to not-found', async () => {
    const { client } = setup({ 'candidate.info': [failed('candidate_not_found', 'Candidate not found')] });
    expect(await failure(context(client))).toEqual({
      kind: 'not-found',
      provider: 'ashby',
      status: 200,
      message: 'Candidate not found',
    });
  });

  it('maps invalid_input inside HTTP 200 to invalid-input without retrying', async () => {
    const { client, fetch } = setup({ 'candidate.info': [failed('invalid_input', 'id: Invalid uuid')] });
    expect(await failure(context(client))).toMatchObject({ kind: 'invalid-input', message: 'id: Invalid uuid' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reads the deprecated errors list when errorInfo is absent', async () => {
    const { client } = setup({
      'application.changeStage': [{ success: false, errors: [{ message: 'Archive reason required' }] }],
    });
    expect(
      await failure(
        client.moveToStage({ candidateId: ids.candidate, applicationId: ids.application, stageId: ids.stageArchived }),
      ),
    ).toMatchObject({ kind: 'invalid-input', message: 'Archive reason required' });
  });

  it('maps 429 to rate-limited with retryAfter when the wait is too long to take', async () => {
    const { client } = setup({
      'candidate.info': [json(failed('rate_limit_exceeded', 'Rate limit exceeded'), 429, { 'Retry-After': '120' })],
    });
    expect(await failure(context(client))).toEqual({
      kind: 'rate-limited',
      provider: 'ashby',
      status: 429,
      retryAfter: 120,
      message: 'Rate limit exceeded',
    });
  });

  it('retries a write after a 429 with Retry-After, since Ashby did not process it', async () => {
    const { client, fetch, clock } = setup({
      'candidate.createNote': [
        json(failed('rate_limit_exceeded', 'Rate limit exceeded'), 429, { 'Retry-After': '2' }),
        ok(note('n1', 'x')),
      ],
    });
    await client.createNote({ candidateId: ids.candidate, text: 'x' });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(clock.sleeps).toContain(2000);
  });

  it('retries reads on 5xx, then reports upstream', async () => {
    const down = () => json(failed('internal_error', 'Service unavailable'), 503);
    const { client, fetch } = setup({ 'candidate.info': [down(), down(), down(), down()] });
    expect(await failure(context(client))).toMatchObject({ kind: 'upstream', status: 503 });
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('recovers when a read succeeds after a 5xx', async () => {
    const { client } = setup({
      'candidate.info': [
        json(failed('internal_error', 'Service unavailable'), 503),
        ok(candidate({ applicationIds: [] })),
      ],
    });
    expect((await context(client)).candidate.id).toBe(ids.candidate);
  });

  it('maps a failed connection to network', async () => {
    const broken = () => new TypeError('Failed to fetch');
    const { client } = setup({ 'candidate.info': [broken(), broken(), broken(), broken()] });
    expect(await failure(context(client))).toMatchObject({ kind: 'network', provider: 'ashby' });
  });

  it('names the field when a response does not match, as invalid-response', async () => {
    const { client } = setup({ 'candidate.info': [ok({ ...candidate(), name: undefined })] });
    expect(await failure(context(client))).toMatchObject({
      kind: 'invalid-response',
      message: expect.stringContaining('results.name'),
    });
  });
});

describe('readAshbyError', () => {
  it('ignores success bodies and bodies of other shapes', () => {
    expect(readAshbyError({ success: true, results: [] }, 200)).toBeUndefined();
    expect(readAshbyError('<html>', 502)).toBeUndefined();
  });

  it('leaves 5xx to the status', () => {
    expect(readAshbyError(failed('internal_error', 'Down'), 503)).toEqual({ code: 'internal_error', message: 'Down' });
  });
});
