import { describe, expect, it, vi } from 'vitest';
import { SidecarError } from '@/lib/core/errors';
import { createRateLimiter } from '@/lib/http/rate-limiter';
import { createPinpointClient, pinpointPageSize, pinpointRateRules } from '@/lib/providers/pinpoint/client';
import { fakeClock } from '../../http/fake-clock';
import { sidecarFailure as failure } from '../../sidecar-failure';

const jsonApi = 'application/vnd.api+json';
const everyVisibility = 'confidential,external,internal';
const applicationIncludes = 'candidate,job,job.recruitment_manager_user,stage';

type Reply = Response | Error | (() => Response | Error);

function document(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': jsonApi, ...headers } });
}

function pinpointError(status: number, code: string, detail: string, title = 'Error') {
  return document({ errors: [{ title, code, status: String(status), detail }] }, status);
}

/** Replies in order; a function reply is reused for every later call once the list runs out. */
function setup(replies: Reply[]) {
  const clock = fakeClock();
  let last: Reply | undefined;
  const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => {
    const next = replies.length > 0 ? replies.shift() : typeof last === 'function' ? last : undefined;
    if (!next) throw new Error('no more replies');
    last = next;
    const reply = typeof next === 'function' ? next() : next;
    if (reply instanceof Error) throw reply;
    return reply;
  });
  const client = createPinpointClient(
    { key: 'pk_live_123', subdomain: 'acme' },
    {
      fetch: fetch as unknown as typeof globalThis.fetch,
      clock,
      random: () => 1,
      limiter: createRateLimiter([{ capacity: 1000, refillPerSecond: 1000 }], clock),
    },
  );
  const requests = () =>
    fetch.mock.calls.map(([url, init]) => {
      const parsed = new URL(String(url));
      return {
        method: init?.method,
        path: parsed.pathname.replace('/api/v1', ''),
        query: Object.fromEntries(parsed.searchParams),
        headers: init?.headers as Record<string, string>,
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      };
    });
  return { client, fetch, clock, requests };
}

// Shaped like the examples in Pinpoint's API reference (pinpoint-api.md §2–3).
function applicationResource(
  id: string,
  overrides: { attributes?: Record<string, unknown>; candidateId?: string; jobId?: string; stageId?: string } = {},
) {
  const jobId = overrides.jobId ?? '4821';
  const stageId = overrides.stageId ?? '311';
  return {
    id,
    type: 'applications',
    attributes: {
      first_name: 'Priya',
      last_name: 'Raman',
      full_name: 'Priya Raman',
      email: 'priya.raman@example.org',
      phone: '+44 7700 900123',
      phone_iso2: 'GB',
      linkedin_url: 'https://www.linkedin.com/in/priya-raman-4b1a2c',
      summary: null,
      town: 'London',
      country: 'United Kingdom',
      job_id: Number(jobId),
      stage_id: Number(stageId),
      created_at: '2026-11-03T10:14:00+00:00',
      updated_at: '2026-11-03T10:14:00+00:00',
      hired_at: null,
      rejected_at: null,
      channel: 'social',
      channel_source: 'LinkedIn',
      concealed: false,
      ...overrides.attributes,
    },
    relationships: {
      job: { data: { type: 'jobs', id: jobId } },
      stage: { data: { type: 'stages', id: stageId } },
      candidate: { data: { type: 'candidates', id: overrides.candidateId ?? '55101' } },
      comments: { meta: { included: false } },
    },
  };
}

function jobResource(id: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    type: 'jobs',
    attributes: {
      title,
      status: 'open',
      visibility: 'external',
      updated_at: '2026-09-01T09:00:00+00:00',
      ...extra,
    },
    relationships: {
      department: { data: { type: 'departments', id: '6101' } },
      location: { data: { type: 'locations', id: '6201' } },
      stages: { meta: { included: false } },
      recruitment_manager_user: { data: { type: 'users', id: '7001' } },
    },
  };
}

const stage = (id: string, name: string, position: number, basicType = 'interview') => ({
  id,
  type: 'stages',
  attributes: { name, external_name: name, position, basic_type: basicType, visible: true },
});

const user = (id: string, first: string, last: string) => ({
  id,
  type: 'users',
  attributes: {
    first_name: first,
    last_name: last,
    email: `${first.toLowerCase()}@example.com`,
    time_zone: 'Europe/London',
  },
});

const candidateRef = (id: string) => ({ id, type: 'candidates', attributes: {}, relationships: {} });

const comment = (id: string, text: string, createdAt: string, userId: string | null) => ({
  id,
  type: 'comments',
  attributes: {
    body_text: text,
    commentable_id: 99123,
    commentable_type: 'Application',
    private_comment: false,
    user_id: userId ? Number(userId) : null,
    created_at: createdAt,
    updated_at: createdAt,
  },
  relationships: { user: { data: userId ? { type: 'users', id: userId } : null } },
});

describe('Pinpoint client: setup', () => {
  it('refuses a subdomain that is not letters, digits and dashes before any request', () => {
    expect(() => createPinpointClient({ key: 'k', subdomain: 'evil.com/x' })).toThrow(SidecarError);
    expect(() => createPinpointClient({ key: 'k', subdomain: 'Acme' })).toThrow(/lowercase letters/);
  });

  it('limits itself to 120 requests a minute and 240 per 8 minutes', () => {
    expect(pinpointRateRules).toEqual([
      { capacity: 120, refillPerSecond: 2 },
      { capacity: 240, refillPerSecond: 0.5 },
    ]);
  });
});

describe('Pinpoint client: verifyKey', () => {
  const ok = () => document({ data: [], meta: {} });

  it('probes one page of one record per permission area with the key and JSON:API Accept header', async () => {
    const { client, requests } = setup([ok(), ok(), ok(), ok(), ok()]);
    await expect(client.verifyKey()).resolves.toEqual({ valid: true, label: 'acme.pinpointhq.com', missing: [] });
    expect(requests().map(({ method, path, query }) => ({ method, path, query }))).toEqual([
      { method: 'GET', path: '/users', query: { 'page[size]': '1' } },
      { method: 'GET', path: '/applications', query: { 'filter[job_visibility]': everyVisibility, 'page[size]': '1' } },
      { method: 'GET', path: '/candidates', query: { 'page[size]': '1' } },
      { method: 'GET', path: '/jobs', query: { 'filter[visibility]': everyVisibility, 'page[size]': '1' } },
      { method: 'GET', path: '/comments', query: { 'page[size]': '1' } },
    ]);
    expect(requests()[0]?.headers).toMatchObject({ 'X-API-KEY': 'pk_live_123', Accept: jsonApi });
  });

  it('answers a refused key with valid:false instead of throwing', async () => {
    const { client, fetch } = setup([pinpointError(401, 'unauthorized', 'Invalid API key')]);
    await expect(client.verifyKey()).resolves.toEqual({ valid: false, missing: [] });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('names each permission that answers 403 and what Sidecar loses without it', async () => {
    const { client } = setup([
      ok(),
      ok(),
      pinpointError(403, 'forbidden', 'Forbidden'),
      ok(),
      pinpointError(403, 'forbidden', 'Forbidden'),
    ]);
    const check = await client.verifyKey();
    expect(check.valid).toBe(true);
    expect(check.missing).toEqual([
      { permission: 'Candidate: Read', why: expect.stringContaining('same person') },
      { permission: 'Comment: Read', why: expect.stringContaining('notes') },
    ]);
  });

  it('says the API itself is switched off when Pinpoint answers Integration not enabled', async () => {
    const { client, fetch } = setup([pinpointError(403, 'forbidden', 'Integration not enabled')]);
    const check = await client.verifyKey();
    expect(check.missing).toEqual([{ permission: 'Pinpoint API', why: expect.stringContaining('API & Webhooks') }]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('throws other failures, such as a server error', async () => {
    const { client } = setup([() => pinpointError(500, 'internal_server_error', "We've notified our engineers")]);
    expect(await failure(client.verifyKey())).toMatchObject({ kind: 'upstream', status: 500 });
  });
});

describe('Pinpoint client: getCandidateContext', () => {
  it('reads the page’s application with its person, job, recruiter and stage, then the person’s other applications', async () => {
    const focus = applicationResource('99123');
    const other = applicationResource('88001', {
      jobId: '4700',
      stageId: '290',
      attributes: {
        created_at: '2025-02-01T09:00:00+00:00',
        rejected_at: '2025-03-01T09:00:00+00:00',
        email: 'PRIYA@old.example.org',
        channel_source: null,
      },
    });
    const { client, requests } = setup([
      document({
        data: focus,
        included: [
          candidateRef('55101'),
          jobResource('4821', 'Senior Backend Engineer'),
          user('7001', 'Hannah', 'Brooks'),
          stage('311', 'Technical Interview', 3),
        ],
        meta: {},
      }),
      document({
        data: [other, focus],
        included: [
          candidateRef('55101'),
          jobResource('4700', 'Backend Engineer'),
          stage('290', 'Rejected', 9, 'rejected'),
        ],
        meta: {},
      }),
    ]);
    const context = await client.getCandidateContext({ jobId: '4821', applicationId: '99123' });
    expect(requests().map(({ method, path, query }) => ({ method, path, query }))).toEqual([
      {
        method: 'GET',
        path: '/applications/99123',
        query: { include: applicationIncludes, 'filter[job_visibility]': everyVisibility },
      },
      {
        method: 'GET',
        path: '/applications',
        query: {
          sort: 'id',
          'filter[candidate_id]': '55101',
          'filter[job_visibility]': everyVisibility,
          include: applicationIncludes,
          'page[number]': '1',
          'page[size]': String(pinpointPageSize),
        },
      },
    ]);
    expect(context.focusApplicationId).toBe('99123');
    expect(context.candidate).toEqual({
      provider: 'pinpoint',
      id: '55101',
      name: 'Priya Raman',
      emails: ['priya.raman@example.org', 'PRIYA@old.example.org'],
      phones: ['+44 7700 900123'],
      linkedinUrl: 'https://www.linkedin.com/in/priya-raman-4b1a2c',
      location: 'London, United Kingdom',
      owner: { id: '7001', name: 'Hannah Brooks', email: 'hannah@example.com' },
      url: 'https://acme.pinpointhq.com/admin/jobs/4821/applications/99123',
      applicationIds: ['99123', '88001'],
    });
    expect(context.applications).toEqual([
      {
        provider: 'pinpoint',
        id: '99123',
        candidateId: '55101',
        jobId: '4821',
        jobTitle: 'Senior Backend Engineer',
        stage: { id: '311', name: 'Technical Interview', position: 3 },
        status: 'active',
        createdAt: '2026-11-03T10:14:00+00:00',
        source: 'LinkedIn',
      },
      {
        provider: 'pinpoint',
        id: '88001',
        candidateId: '55101',
        jobId: '4700',
        jobTitle: 'Backend Engineer',
        stage: { id: '290', name: 'Rejected', position: 9 },
        status: 'rejected',
        createdAt: '2025-02-01T09:00:00+00:00',
        source: 'social',
      },
    ]);
  });

  it('keeps only the person’s own applications when the server ignores filter[candidate_id]', async () => {
    const { client } = setup([
      document({ data: applicationResource('99123'), included: [], meta: {} }),
      document({
        data: [applicationResource('99124', { candidateId: '55102' }), applicationResource('99123')],
        meta: {},
      }),
    ]);
    const context = await client.getCandidateContext({ applicationId: '99123' });
    expect(context.applications.map((application) => application.id)).toEqual(['99123']);
  });

  it('starts from the candidate when the page names no application', async () => {
    const { client, requests } = setup([document({ data: [applicationResource('99123')], meta: {} })]);
    const context = await client.getCandidateContext({ candidateId: '55101' });
    expect(requests()[0]?.query).toMatchObject({ 'filter[candidate_id]': '55101' });
    expect(context.focusApplicationId).toBe('99123');
  });

  it('asks for a page it can read when it gets no ids, without calling Pinpoint', async () => {
    const { client, fetch } = setup([]);
    expect(await failure(client.getCandidateContext({}))).toMatchObject({ kind: 'invalid-input' });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Pinpoint client: lists and pagination', () => {
  it('reads every page of open jobs, asking for confidential ones, until a short page', async () => {
    const firstPage = Array.from({ length: pinpointPageSize }, (_, index) =>
      jobResource(String(5000 + index), `Job ${index}`),
    );
    const { client, requests } = setup([
      document({
        data: firstPage,
        included: [
          { id: '6101', type: 'departments', attributes: { name: 'Engineering' } },
          { id: '6201', type: 'locations', attributes: { name: 'London, United Kingdom' } },
        ],
        meta: {},
      }),
      document({
        data: [
          jobResource('4823', 'Data Engineer', { visibility: 'confidential' }),
          jobResource('4817', 'Engineering Manager', { status: 'closed' }),
        ],
        meta: {},
      }),
    ]);
    const jobs = await client.listOpenJobs();
    expect(requests().map(({ query }) => query)).toEqual(
      [1, 2].map((page) => ({
        sort: 'id',
        'filter[status]': 'open',
        'filter[visibility]': everyVisibility,
        include: 'department,location',
        'page[number]': String(page),
        'page[size]': '100',
      })),
    );
    expect(jobs).toHaveLength(pinpointPageSize + 1);
    expect(jobs[0]).toEqual({
      provider: 'pinpoint',
      id: '5000',
      title: 'Job 0',
      status: 'open',
      department: 'Engineering',
      location: 'London, United Kingdom',
      url: 'https://acme.pinpointhq.com/admin/jobs/5000',
      updatedAt: '2026-09-01T09:00:00+00:00',
    });
    expect(jobs.at(-1)?.id).toBe('4823');
  });

  it('stops when a server ignoring page[number] repeats the same page', async () => {
    const users = Array.from({ length: pinpointPageSize }, (_, index) =>
      user(String(7000 + index), `User${index}`, 'Test'),
    );
    const { client, fetch } = setup([() => document({ data: users, meta: {} })]);
    const result = await client.listUsers();
    expect(result).toHaveLength(pinpointPageSize);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(result[0]).toEqual({ id: '7000', name: 'User0 Test', email: 'user0@example.com' });
  });

  it('lists a job’s stages in pipeline order through include=stages', async () => {
    const job = jobResource('4821', 'Senior Backend Engineer');
    job.relationships.stages = {
      data: [
        { type: 'stages', id: '311' },
        { type: 'stages', id: '307' },
      ],
    } as never;
    const { client, requests } = setup([
      document({ data: job, included: [stage('311', 'Technical Interview', 3), stage('307', 'Review', 1, 'review')] }),
    ]);
    const stages = await client.listStages({
      provider: 'pinpoint',
      id: '99123',
      candidateId: '55101',
      jobId: '4821',
      status: 'active',
    });
    expect(requests()[0]).toMatchObject({
      method: 'GET',
      path: '/jobs/4821',
      query: { include: 'stages', 'filter[visibility]': everyVisibility },
    });
    expect(stages).toEqual([
      { id: '307', name: 'Review', position: 1 },
      { id: '311', name: 'Technical Interview', position: 3 },
    ]);
  });

  it('reads the application first when the job of the application is not known', async () => {
    const job = jobResource('4821', 'Senior Backend Engineer');
    const { client, requests } = setup([
      document({ data: applicationResource('99123'), meta: {} }),
      document({ data: job, included: [] }),
    ]);
    await client.listStages({ provider: 'pinpoint', id: '99123', candidateId: '55101', status: 'active' });
    expect(requests().map(({ path }) => path)).toEqual(['/applications/99123', '/jobs/4821']);
  });
});

describe('Pinpoint client: notes', () => {
  it('lists an application’s comments newest first, with the author when it is a listed user', async () => {
    const { client, requests } = setup([
      document({
        data: [
          comment('120431', 'Recruiter screen: strong.', '2026-11-10T16:20:00+00:00', '7001'),
          comment('120600', 'Posted by Sidecar', '2026-11-20T08:00:00+00:00', null),
        ],
        included: [user('7001', 'Hannah', 'Brooks')],
        meta: {},
      }),
    ]);
    const notes = await client.listNotes({ candidateId: '55101', applicationId: '99123' });
    expect(requests()[0]).toMatchObject({
      method: 'GET',
      path: '/comments',
      query: {
        sort: 'id',
        'filter[commentable_type]': 'Application',
        'filter[commentable_id]': '99123',
        include: 'user',
        'page[number]': '1',
        'page[size]': '100',
      },
    });
    expect(notes).toEqual([
      {
        provider: 'pinpoint',
        id: '120600',
        candidateId: '55101',
        applicationId: '99123',
        text: 'Posted by Sidecar',
        createdAt: '2026-11-20T08:00:00+00:00',
      },
      {
        provider: 'pinpoint',
        id: '120431',
        candidateId: '55101',
        applicationId: '99123',
        text: 'Recruiter screen: strong.',
        author: 'Hannah Brooks',
        createdAt: '2026-11-10T16:20:00+00:00',
      },
    ]);
  });

  it('posts a plain-text comment on the application as JSON:API', async () => {
    const { client, requests } = setup([
      document({ data: comment('120601', 'Call summary', '2026-11-21T08:00:00+00:00', null), meta: {} }, 201),
    ]);
    const note = await client.createNote({
      candidateId: '55101',
      applicationId: '99123',
      text: 'Call summary',
      html: '<p>Call summary</p>',
      performAs: '7001',
    });
    expect(requests()[0]).toEqual({
      method: 'POST',
      path: '/comments',
      query: {},
      headers: { 'X-API-KEY': 'pk_live_123', Accept: jsonApi, 'Content-Type': jsonApi },
      body: {
        data: {
          type: 'comments',
          attributes: { body_text: 'Call summary' },
          relationships: { commentable: { data: { type: 'applications', id: '99123' } } },
        },
      },
    });
    expect(note).toMatchObject({ id: '120601', applicationId: '99123', text: 'Call summary' });
  });

  it('puts a note without an application on the person’s newest application', async () => {
    const { client, requests } = setup([
      document({
        data: [
          applicationResource('88001', { attributes: { created_at: '2025-02-01T09:00:00+00:00' } }),
          applicationResource('99123'),
        ],
        meta: {},
      }),
      document({ data: comment('120601', 'Hi', '2026-11-21T08:00:00+00:00', null) }, 201),
    ]);
    await client.createNote({ candidateId: '55101', text: 'Hi' });
    expect(requests()[1]?.body).toMatchObject({
      data: { relationships: { commentable: { data: { type: 'applications', id: '99123' } } } },
    });
  });

  it('refuses an empty note without calling Pinpoint', async () => {
    const { client, fetch } = setup([]);
    expect(
      await failure(client.createNote({ candidateId: '55101', applicationId: '99123', text: '  ' })),
    ).toMatchObject({
      kind: 'invalid-input',
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Pinpoint client: findCandidates', () => {
  it('finds by email through filter[candidate_email] and drops other people a lenient server returns', async () => {
    const { client, requests } = setup([
      document({
        data: [
          applicationResource('99123'),
          applicationResource('99124', { candidateId: '55102', attributes: { email: 'james.oconnor@example.org' } }),
        ],
        included: [candidateRef('55101'), candidateRef('55102')],
        meta: {},
      }),
    ]);
    const found = await client.findCandidates({ email: ' Priya.Raman@example.org ' });
    expect(requests()[0]?.query).toMatchObject({
      'filter[candidate_email]': 'Priya.Raman@example.org',
      'filter[job_visibility]': everyVisibility,
    });
    expect(found.map((candidate) => [candidate.id, candidate.applicationIds])).toEqual([['55101', ['99123']]]);
  });

  it('finds by LinkedIn URL by reading every application and comparing normalized URLs', async () => {
    const { client, requests } = setup([
      document({
        data: [
          applicationResource('99123'),
          applicationResource('99124', { candidateId: '55102', attributes: { linkedin_url: null } }),
        ],
        meta: {},
      }),
    ]);
    const found = await client.findCandidates({ linkedinUrl: 'http://WWW.LinkedIn.com/in/priya-raman-4b1a2c/?utm=1' });
    expect(requests()[0]?.query).not.toHaveProperty('filter[candidate_email]');
    expect(found.map((candidate) => candidate.id)).toEqual(['55101']);
  });

  it('finds by name without regard to case, accents or spacing', async () => {
    const sofia = applicationResource('99140', {
      candidateId: '55104',
      attributes: { full_name: 'Sofía Martínez', email: 'sofia.martinez@example.org' },
    });
    const { client } = setup([document({ data: [applicationResource('99123'), sofia], meta: {} })]);
    const found = await client.findCandidates({ name: '  sofia   MARTINEZ ' });
    expect(found.map((candidate) => candidate.name)).toEqual(['Sofía Martínez']);
  });

  it('takes exactly one criterion', async () => {
    const { client, fetch } = setup([]);
    expect(await failure(client.findCandidates({ email: 'a@example.org', name: 'A' }))).toMatchObject({
      kind: 'invalid-input',
    });
    expect(await failure(client.findCandidates({}))).toMatchObject({ kind: 'invalid-input' });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Pinpoint client: createApplication', () => {
  const elena = {
    name: 'Elena Petrova',
    firstName: 'Elena',
    lastName: 'Petrova',
    emails: ['elena.petrova@example.org'],
    phones: ['+49 30 000000'],
    linkedinUrl: 'https://www.linkedin.com/in/elena-petrova-5c3e91',
  };
  const created = applicationResource('99141', {
    candidateId: '55107',
    stageId: '307',
    attributes: {
      first_name: 'Elena',
      last_name: 'Petrova',
      full_name: 'Elena Petrova',
      email: 'elena.petrova@example.org',
    },
  });

  it('creates the person with the application: CV as a data URL, no notifications, then reads it back', async () => {
    const { client, requests } = setup([
      document({ data: created, meta: {} }, 201),
      document({
        data: created,
        included: [
          candidateRef('55107'),
          jobResource('4821', 'Senior Backend Engineer'),
          stage('307', 'Review', 1, 'review'),
        ],
      }),
    ]);
    const application = await client.createApplication({
      jobId: '4821',
      candidate: elena,
      resume: { name: 'Elena Petrova.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4') },
    });
    expect(requests()[0]).toEqual({
      method: 'POST',
      path: '/applications',
      query: {},
      headers: { 'X-API-KEY': 'pk_live_123', Accept: jsonApi, 'Content-Type': jsonApi },
      body: {
        data: {
          type: 'applications',
          attributes: {
            first_name: 'Elena',
            last_name: 'Petrova',
            email: 'elena.petrova@example.org',
            phone: '+49 30 000000',
            linkedin_url: 'https://www.linkedin.com/in/elena-petrova-5c3e91',
            cv_base64_filename: 'Elena Petrova.pdf',
            cv_base64_data: 'data:application/pdf;base64,JVBERi0xLjQ=',
            skip_notifications_on_create: true,
          },
          relationships: { job: { data: { type: 'jobs', id: '4821' } } },
        },
      },
    });
    expect(requests()[1]).toMatchObject({ method: 'GET', path: '/applications/99141' });
    expect(application).toMatchObject({
      id: '99141',
      candidateId: '55107',
      jobTitle: 'Senior Backend Engineer',
      stage: { name: 'Review' },
    });
  });

  it('returns what the create answered when the read-back fails, and never posts twice', async () => {
    const { client, requests } = setup([
      document({ data: created, meta: {} }, 201),
      () => pinpointError(500, 'internal_server_error', "We've notified our engineers"),
    ]);
    const application = await client.createApplication({ jobId: '4821', candidate: elena });
    expect(application).toMatchObject({ id: '99141', candidateId: '55107', jobId: '4821' });
    expect(requests().filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('adds a known candidate to another job with the details of their newest application', async () => {
    const { client, requests } = setup([
      document({ data: [applicationResource('99123')], meta: {} }),
      document({ data: applicationResource('99150', { jobId: '4822' }) }, 201),
      document({ data: applicationResource('99150', { jobId: '4822' }) }),
    ]);
    await client.createApplication({ jobId: '4822', candidateId: '55101' });
    expect(requests()[1]?.body).toMatchObject({
      data: {
        attributes: { first_name: 'Priya', last_name: 'Raman', email: 'priya.raman@example.org' },
        relationships: { job: { data: { type: 'jobs', id: '4822' } } },
      },
    });
  });

  it('needs an email before it sends anything', async () => {
    const { client, fetch } = setup([]);
    const error = await failure(client.createApplication({ jobId: '4821', candidate: { ...elena, emails: [] } }));
    expect(error).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('email') });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Pinpoint client: moveToStage', () => {
  it('moves with PUT and the stage relationship, adds the note as a comment, then reads the application', async () => {
    const moved = applicationResource('99123', { stageId: '313' });
    const { client, requests } = setup([
      document({ data: moved }),
      document({ data: comment('120700', 'Great interview', '2026-11-25T08:00:00+00:00', null) }, 201),
      document({
        data: moved,
        included: [
          candidateRef('55101'),
          jobResource('4821', 'Senior Backend Engineer'),
          stage('313', 'Final Interview', 4),
        ],
      }),
    ]);
    const application = await client.moveToStage({
      candidateId: '55101',
      applicationId: '99123',
      stageId: '313',
      note: 'Great interview',
    });
    expect(requests().map(({ method, path }) => `${method} ${path}`)).toEqual([
      'PUT /applications/99123',
      'POST /comments',
      'GET /applications/99123',
    ]);
    expect(requests()[0]).toMatchObject({
      headers: { 'Content-Type': jsonApi },
      body: {
        data: {
          type: 'applications',
          id: '99123',
          relationships: { stage: { data: { type: 'stages', id: '313' } } },
        },
      },
    });
    expect(application.stage).toEqual({ id: '313', name: 'Final Interview', position: 4 });
  });
});

describe('Pinpoint client: what the API cannot do', () => {
  it.each([
    ['createCandidate', 'Pinpoint creates a candidate together with an application: choose a job.'],
    ['uploadResume', 'Pinpoint takes a CV only when the application is created'],
    ['listFeedbackForms', 'scorecard templates'],
    ['submitFeedback', 'cannot submit scorecards'],
    ['scheduleInterview', 'cannot schedule interviews'],
  ] as const)('refuses %s with a sentence for the recruiter and no request', async (operation, sentence) => {
    const { client, fetch } = setup([]);
    const call = (client[operation] as (input?: unknown) => Promise<unknown>).bind(client);
    const error = await failure(call({}));
    expect(error).toMatchObject({ kind: 'invalid-input', provider: 'pinpoint' });
    expect(error.message).toContain(sentence);
    expect(client.unsupported[operation]).toBe(error.message);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Pinpoint client: errors', () => {
  const read = (client: ReturnType<typeof setup>['client']) => client.listUsers();

  it('maps 401 to auth with Pinpoint’s detail', async () => {
    const { client } = setup([pinpointError(401, 'unauthorized', 'Invalid API key', 'Unauthorized')]);
    expect(await failure(read(client))).toMatchObject({ kind: 'auth', status: 401, message: 'Invalid API key' });
  });

  it('maps 403 to permission', async () => {
    const { client } = setup([pinpointError(403, 'forbidden', 'Integration not enabled', 'Forbidden')]);
    expect(await failure(read(client))).toMatchObject({ kind: 'permission', message: 'Integration not enabled' });
  });

  it('maps 404 to not-found', async () => {
    const { client } = setup([pinpointError(404, 'not_found', 'Record not found', 'Not Found')]);
    expect(await failure(client.getCandidateContext({ applicationId: '1' }))).toMatchObject({
      kind: 'not-found',
      message: 'Record not found',
    });
  });

  it('maps a 422 Validation Error to invalid-input with every detail', async () => {
    const { client, fetch } = setup([
      document(
        {
          errors: [
            { title: 'Validation Error', code: 'unprocessable_entity', status: '422', detail: "Email can't be blank" },
            { title: 'Validation Error', code: 'unprocessable_entity', status: '422', detail: 'Job must exist' },
          ],
        },
        422,
      ),
    ]);
    const error = await failure(client.createNote({ candidateId: '1', applicationId: '2', text: 'x' }));
    expect(error).toMatchObject({
      kind: 'invalid-input',
      status: 422,
      message: "Email can't be blank; Job must exist",
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('maps 429 to rate-limited with Retry-After when the wait is longer than Sidecar waits itself', async () => {
    const { client } = setup([
      document(
        {
          errors: [
            { title: 'Too Many Requests', code: 'too_many_requests', status: '429', detail: 'Rate limit exceeded' },
          ],
        },
        429,
        {
          'Retry-After': '120',
        },
      ),
    ]);
    expect(await failure(client.createNote({ candidateId: '1', applicationId: '2', text: 'x' }))).toMatchObject({
      kind: 'rate-limited',
      retryAfter: 120,
      message: 'Rate limit exceeded',
    });
  });

  it('maps 5xx to upstream after retrying the read', async () => {
    const { client, fetch } = setup([() => pinpointError(503, 'internal_server_error', 'Service unavailable')]);
    expect(await failure(read(client))).toMatchObject({ kind: 'upstream', status: 503 });
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('maps a failed connection to network and does not resend a write', async () => {
    const { client, fetch } = setup([new TypeError('Failed to fetch')]);
    expect(await failure(client.createNote({ candidateId: '1', applicationId: '2', text: 'x' }))).toMatchObject({
      kind: 'network',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('names the field of a response that does not match, in primary data and in included', async () => {
    const broken = applicationResource('99123', { attributes: { email: 42 } });
    const first = setup([document({ data: broken })]);
    const error = await failure(first.client.getCandidateContext({ applicationId: '99123' }));
    expect(error).toMatchObject({ kind: 'invalid-response' });
    expect(error.message).toContain('data.attributes.email');

    const untitledJob = { ...jobResource('4821', ''), attributes: { status: 'open' } };
    const second = setup([document({ data: applicationResource('99123'), included: [untitledJob] })]);
    const includedError = await failure(second.client.getCandidateContext({ applicationId: '99123' }));
    expect(includedError.message).toContain('included.0.attributes.title');
  });

  it('treats a 200 that carries only JSON:API errors as an invalid response, not a success', async () => {
    const { client } = setup([
      document({ errors: [{ title: 'Error', code: 'bad_request', status: '400', detail: 'Malformed query params' }] }),
    ]);
    expect(await failure(read(client))).toMatchObject({
      kind: 'invalid-response',
      message: expect.stringContaining('data'),
    });
  });
});
