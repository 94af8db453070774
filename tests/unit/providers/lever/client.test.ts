import { describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from '@/lib/http/rate-limiter';
import { createLeverClient, leverRateRules, readLeverError } from '@/lib/providers/lever/client';
import { fakeClock } from '../../http/fake-clock';
import { sidecarFailure as failure } from '../../sidecar-failure';

const key = 'lever-test-key';
const authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
const api = 'https://api.lever.co/v1';

const opportunityId = '250d8f03-738a-4bba-a671-8a3d73477145';
const contactId = '7f23e772-f2cb-4ebb-b33f-54b872999992';
const applicationId = 'cdb4ff13-f7aa-49b0-b6ec-eb4617009cfa';
const postingId = 'f2f01e16-27f8-4711-a728-7d49499795a0';
const ownerId = 'df0adaa6-172c-4cd6-8520-49b203660fe1';
const userId = '8d49b010-cc6a-4f40-ace5-e86061c677ed';
// Real offset tokens are already URL-encoded JSON (lever-api.md §2) and must go back untouched.
const pageToken = '%5B3%2C1491435120000%2C%22a6070140-33db-407c-91f5-2760e15c8e94%22%5D';

const user = {
  id: ownerId,
  name: 'Rachel Green',
  username: 'rachel',
  email: 'rachel@example.com',
  accessRole: 'admin',
  photo: null,
  createdAt: 1407460071043,
  deactivatedAt: null,
};

/** Shaped like the docs' "Retrieve a single opportunity" example, with applications, stage and owner expanded. */
function opportunity(overrides: Record<string, unknown> = {}) {
  return {
    id: opportunityId,
    name: 'Shane Smith',
    headline: 'Brickly LLC, Vandelay Industries, Inc, Central Perk',
    contact: contactId,
    emails: ['shane@exampleq3.com'],
    phones: [{ type: 'mobile', value: '(123) 456-7891' }],
    confidentiality: 'non-confidential',
    location: 'Oakland',
    links: ['indeed.com/r/Shane-Smith/0b7c87f6b246d2bc', 'https://www.LinkedIn.com/in/Shane-Smith/?trk=x'],
    createdAt: 1407460071043,
    updatedAt: 1407460080914,
    archived: null,
    stage: { id: 'lead-new', text: 'New lead' },
    stageChanges: [],
    owner: user,
    tags: ['San Francisco'],
    sources: ['linkedin'],
    origin: 'sourced',
    sourcedBy: ownerId,
    applications: [
      {
        id: applicationId,
        opportunityId,
        candidateId: opportunityId,
        createdAt: 1418353241665,
        type: 'user',
        posting: postingId,
        user: null,
        name: 'Shane Smith',
        email: 'shane@exampleq3.com',
        phone: { type: null, value: '(123) 456-7891' },
        company: 'Central Perk',
        links: null,
        archived: null,
      },
    ],
    followers: [ownerId],
    urls: {
      list: 'https://hire.lever.co/candidates',
      show: `https://hire.lever.co/candidates/${opportunityId}`,
    },
    dataProtection: null,
    isAnonymized: false,
    ...overrides,
  };
}

const posting = {
  id: postingId,
  text: 'Infrastructure Engineer',
  createdAt: 1407779365624,
  updatedAt: 1407779365624,
  state: 'published',
  distributionChannels: ['internal', 'public'],
  categories: { team: 'Platform', department: 'Engineering', location: 'San Francisco', commitment: 'Full-time' },
  urls: {
    list: 'https://jobs.lever.co/example',
    show: `https://jobs.lever.co/example/${postingId}/`,
    apply: `https://jobs.lever.co/example/${postingId}/apply`,
  },
};

const template = {
  id: 'a12851f5-25cd-495b-9dae-b29b02d0b49d',
  text: 'On-site interview',
  group: null,
  instructions: '',
  stage: null,
  createdAt: 1407460071043,
  updatedAt: 1407460585612,
  fields: [
    {
      id: 'rating',
      type: 'score-system',
      text: 'Rating',
      description: '',
      required: true,
      prompt: 'Select one',
      options: [
        { text: '4 - Strong Hire' },
        { text: '3 - Hire' },
        { text: '2 - No Hire' },
        { text: '1 - Strong No Hire' },
      ],
    },
    { id: 'notes', type: 'textarea', text: 'Notes / Comments', description: '', required: true },
    {
      id: 'strength',
      type: 'multiple-choice',
      text: "What is the candidate's greatest strength?",
      description: '',
      required: false,
      options: [{ text: 'Execution' }, { text: 'Influencing' }],
    },
    {
      id: 'questions',
      type: 'multiple-select',
      text: 'What questions did you ask?',
      description: '',
      required: false,
      options: [{ text: 'Projects' }, { text: 'References' }],
    },
    { id: 'thumbs', type: 'score', text: 'Communication', description: 'Thumbs', required: false },
    { id: 'eligible', type: 'yes-no', text: 'Eligible?', description: '', required: false },
    { id: 'start', type: 'date', text: 'Start date', description: '', required: false },
    {
      id: 'skills',
      type: 'scorecard',
      text: '',
      description: '',
      required: false,
      scores: [{ text: 'Ownership', description: '' }],
    },
  ],
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

interface SentRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

function setup(responses: Array<Response | Error>, options: { pageSize?: number } = {}) {
  const clock = fakeClock();
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = init?.body;
    sent.push({
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof body === 'string' ? JSON.parse(body) : body,
    });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  });
  const client = createLeverClient(
    { key },
    {
      fetch: fetch as unknown as typeof globalThis.fetch,
      clock,
      random: () => 0,
      limiter: createRateLimiter([{ capacity: 1000, refillPerSecond: 1000 }], clock),
    },
    options,
  );
  return { client, fetch, sent };
}

/** The request line as Lever sees it: method, path and decoded query. */
const line = (request: SentRequest | undefined) =>
  request ? `${request.method} ${request.url.pathname}${decodeURIComponent(request.url.search)}` : undefined;

describe('Lever client: basics', () => {
  it('limits itself to Lever’s token bucket: bursts of 20, 10 per second', () => {
    expect(leverRateRules).toEqual([{ capacity: 20, refillPerSecond: 10 }]);
  });

  it('sends the key as the Basic username with an empty password, and asks for JSON', async () => {
    const { client, sent } = setup([json({ data: [user], hasNext: false })]);
    await client.listUsers();
    expect(sent[0]?.headers).toMatchObject({ Authorization: authorization, Accept: 'application/json' });
    expect(sent[0]?.url.origin + sent[0]!.url.pathname).toBe(`${api}/users`);
  });

  it('offers every operation', () => {
    const { client } = setup([]);
    expect(client.provider).toBe('lever');
    expect(client.unsupported).toEqual({});
  });

  it('has no success-with-error shape: an error body only counts on an error status', () => {
    expect(readLeverError({ code: 'ResourceNotFound', message: 'gone' }, 200)).toBeUndefined();
    expect(readLeverError({ code: 'ResourceNotFound', message: 'gone' }, 404)).toEqual({
      code: 'ResourceNotFound',
      message: 'gone',
    });
  });
});

describe('Lever client: verifyKey', () => {
  const empty = () => json({ data: [], hasNext: false });

  it('probes one cheap read per area, including notes on the first opportunity', async () => {
    const { client, sent } = setup([
      empty(),
      json({ data: [{ id: opportunityId }], hasNext: true, next: pageToken }),
      empty(),
      empty(),
      empty(),
      empty(),
    ]);
    await expect(client.verifyKey()).resolves.toEqual({ valid: true, missing: [] });
    expect(sent.map(line)).toEqual([
      'GET /v1/users?limit=1',
      'GET /v1/opportunities?limit=1',
      'GET /v1/postings?limit=1',
      'GET /v1/stages',
      'GET /v1/feedback_templates',
      `GET /v1/opportunities/${opportunityId}/notes?limit=1`,
    ]);
  });

  it('answers valid:false on 401 without probing further', async () => {
    const { client, sent } = setup([json({ code: 'Unauthorized', message: 'Invalid API key' }, 401)]);
    await expect(client.verifyKey()).resolves.toEqual({ valid: false, missing: [] });
    expect(sent).toHaveLength(1);
  });

  it('lists each area a 403 closes, with what Sidecar loses', async () => {
    const denied = () => json({ code: 'Forbidden', message: "Your account settings don't authorize you" }, 403);
    const { client } = setup([
      empty(),
      json({ data: [{ id: opportunityId }], hasNext: false }),
      empty(),
      empty(),
      denied(),
      denied(),
    ]);
    const check = await client.verifyKey();
    expect(check.valid).toBe(true);
    expect(check.missing.map((entry) => entry.permission)).toEqual([
      'Find all feedback templates (feedback_templates:read)',
      'Find all opportunity notes (notes:read)',
    ]);
    expect(check.missing[0]?.why).toMatch(/feedback/);
  });

  it('skips the notes probe when there is no opportunity to probe with', async () => {
    const { client, sent } = setup([empty(), empty(), empty(), empty(), empty()]);
    await expect(client.verifyKey()).resolves.toEqual({ valid: true, missing: [] });
    expect(sent).toHaveLength(5);
  });

  it('throws network failures instead of calling the key invalid', async () => {
    const down = () => new TypeError('fetch failed');
    const { client } = setup([down(), down(), down(), down()]);
    expect(await failure(client.verifyKey())).toMatchObject({ kind: 'network', provider: 'lever' });
  });
});

describe('Lever client: candidate context', () => {
  it('reads the opportunity with applications, stage and owner expanded, then the posting title', async () => {
    const { client, sent } = setup([json({ data: opportunity() }), json({ data: posting })]);
    const context = await client.getCandidateContext({ candidateId: opportunityId });
    expect(sent.map(line)).toEqual([
      `GET /v1/opportunities/${opportunityId}?expand=applications&expand=stage&expand=owner`,
      `GET /v1/postings/${postingId}`,
    ]);
    expect(context).toEqual({
      candidate: {
        provider: 'lever',
        id: opportunityId,
        name: 'Shane Smith',
        emails: ['shane@exampleq3.com'],
        phones: ['(123) 456-7891'],
        linkedinUrl: 'https://www.LinkedIn.com/in/Shane-Smith/?trk=x',
        location: 'Oakland',
        headline: 'Brickly LLC, Vandelay Industries, Inc, Central Perk',
        company: 'Central Perk',
        owner: { id: ownerId, name: 'Rachel Green', email: 'rachel@example.com', role: 'admin' },
        url: `https://hire.lever.co/candidates/${opportunityId}`,
        applicationIds: [applicationId],
      },
      applications: [
        {
          provider: 'lever',
          id: applicationId,
          candidateId: opportunityId,
          jobId: postingId,
          jobTitle: 'Infrastructure Engineer',
          stage: { id: 'lead-new', name: 'New lead' },
          status: 'active',
          createdAt: new Date(1418353241665).toISOString(),
          source: 'linkedin',
        },
      ],
      focusApplicationId: applicationId,
    });
  });

  it('tells hired from other archived opportunities through the archive reason', async () => {
    const reason = '63dd55b2-a99f-4e7b-985f-22c7bf80ab42';
    const { client, sent } = setup([
      json({ data: opportunity({ archived: { reason, archivedAt: 1417588008760 } }) }),
      json({ data: { id: reason, text: 'Hired', status: 'active', type: 'hired' } }),
      json({ data: posting }),
    ]);
    const context = await client.getCandidateContext({ candidateId: opportunityId });
    expect(line(sent[1])).toBe(`GET /v1/archive_reasons/${reason}`);
    expect(context.applications[0]?.status).toBe('hired');
  });

  it('shows the application without a title when the posting is gone', async () => {
    const { client } = setup([
      json({ data: opportunity() }),
      json({ code: 'ResourceNotFound', message: `postings ${postingId} was not found` }, 404),
    ]);
    const context = await client.getCandidateContext({ candidateId: opportunityId });
    expect(context.applications[0]).not.toHaveProperty('jobTitle');
  });

  it('refuses a page without a candidate id before sending anything', async () => {
    const { client, fetch } = setup([]);
    expect(await failure(client.getCandidateContext({}))).toMatchObject({ kind: 'invalid-input' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports an unknown opportunity as not-found with Lever’s message', async () => {
    const { client } = setup([
      json({ code: 'ResourceNotFound', message: `opportunities ${opportunityId} was not found` }, 404),
    ]);
    expect(await failure(client.getCandidateContext({ candidateId: opportunityId }))).toEqual({
      kind: 'not-found',
      provider: 'lever',
      status: 404,
      message: `opportunities ${opportunityId} was not found`,
    });
  });

  it('names the field when a response is missing one it reads', async () => {
    const { name: _name, ...nameless } = opportunity();
    const { client } = setup([json({ data: nameless })]);
    const error = await failure(client.getCandidateContext({ candidateId: opportunityId }));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('data.name');
  });
});

describe('Lever client: lists and pagination', () => {
  it('lists open jobs: published on any job site, then internal (unlisted), following next tokens untouched', async () => {
    const unlisted = {
      ...posting,
      id: 'e540e665-06af-4888-a846-89eb36f2097d',
      text: 'Office Manager',
      state: 'internal',
    };
    const { client, sent } = setup([
      json({ data: [posting], hasNext: true, next: pageToken }),
      json({ data: [{ ...posting, id: 'p2', text: 'Designer', categories: { team: 'Design' } }], hasNext: false }),
      json({ data: [unlisted], hasNext: false }),
    ]);
    const jobs = await client.listOpenJobs();
    expect(sent.map((request) => request.url.pathname)).toEqual(['/v1/postings', '/v1/postings', '/v1/postings']);
    expect([...sent[0]!.url.searchParams]).toEqual([
      ['state', 'published'],
      ['distributionChannel', 'public'],
      ['distributionChannel', 'internal'],
      ['limit', '100'],
    ]);
    expect(sent[1]!.url.searchParams.get('offset')).toBe(pageToken);
    expect([...sent[2]!.url.searchParams]).toEqual([
      ['state', 'internal'],
      ['limit', '100'],
    ]);
    expect(jobs).toEqual([
      {
        provider: 'lever',
        id: postingId,
        title: 'Infrastructure Engineer',
        status: 'open',
        department: 'Engineering',
        location: 'San Francisco',
        url: `https://jobs.lever.co/example/${postingId}/`,
        updatedAt: new Date(1407779365624).toISOString(),
      },
      expect.objectContaining({ id: 'p2', title: 'Designer', department: 'Design' }),
      expect.objectContaining({ title: 'Office Manager', status: 'open' }),
    ]);
  });

  it('lists active users across pages, leaving deactivated ones out', async () => {
    const { client, sent } = setup(
      [
        json({ data: [user], hasNext: true, next: 'token-1' }),
        json({
          data: [{ ...user, id: 'u2', name: 'Gone', email: 'gone@example.com', deactivatedAt: 1 }],
          hasNext: false,
        }),
      ],
      { pageSize: 1 },
    );
    await expect(client.listUsers()).resolves.toEqual([
      { id: ownerId, name: 'Rachel Green', email: 'rachel@example.com', role: 'admin' },
    ]);
    expect(sent.map(line)).toEqual(['GET /v1/users?limit=1', 'GET /v1/users?limit=1&offset=token-1']);
  });

  it('stops with invalid-response when the server repeats a page token', async () => {
    const { client, sent } = setup([
      json({ data: [user], hasNext: true, next: 'same' }),
      json({ data: [user], hasNext: true, next: 'same' }),
    ]);
    const error = await failure(client.listUsers());
    expect(error).toMatchObject({ kind: 'invalid-response' });
    expect(error.message).toContain('repeated');
    expect(sent).toHaveLength(2);
  });

  it('reports hasNext without a next token as invalid-response', async () => {
    const { client } = setup([json({ data: [user], hasNext: true })]);
    expect(await failure(client.listUsers())).toMatchObject({ kind: 'invalid-response' });
  });

  it('lists the account’s stages in pipeline order, without paging parameters', async () => {
    const { client, sent } = setup([
      json({
        data: [
          { id: 'lead-new', text: 'New lead' },
          { id: '00922a60-7c15-422b-b086-f62000824fd7', text: 'Phone screen' },
        ],
        hasNext: false,
      }),
    ]);
    const stages = await client.listStages({
      provider: 'lever',
      id: applicationId,
      candidateId: opportunityId,
      status: 'active',
    });
    expect(line(sent[0])).toBe('GET /v1/stages');
    expect(stages).toEqual([
      { id: 'lead-new', name: 'New lead', position: 0 },
      { id: '00922a60-7c15-422b-b086-f62000824fd7', name: 'Phone screen', position: 1 },
    ]);
  });
});

describe('Lever client: notes', () => {
  it('lists note threads with their author, joining comments and skipping deleted notes', async () => {
    const note = {
      id: 'b1dbbcfe-281c-46a0-8f51-57049158d3f3',
      text: 'Note',
      fields: [
        { type: 'note', text: 'Comment', value: 'First', createdAt: 1420312438110, user: ownerId, score: 3 },
        { type: 'note', text: 'Comment', value: 'Reply', createdAt: 1421715919765, user: userId, score: null },
      ],
      user,
      secret: false,
      createdAt: 1420312438111,
      completedAt: 1420312438111,
      deletedAt: null,
    };
    const { client, sent } = setup([
      json({ data: [note, { ...note, id: 'deleted', deletedAt: 1526925087354 }], hasNext: false }),
    ]);
    await expect(client.listNotes({ candidateId: opportunityId })).resolves.toEqual([
      {
        provider: 'lever',
        id: note.id,
        candidateId: opportunityId,
        text: 'First\n\nReply',
        author: 'Rachel Green',
        createdAt: new Date(1420312438111).toISOString(),
      },
    ]);
    expect(line(sent[0])).toBe(`GET /v1/opportunities/${opportunityId}/notes?expand=user&limit=100`);
  });

  it('creates a plain-text note as the user, reading the id from the real response shape', async () => {
    const { client, sent } = setup([
      json({ data: { id: 'n1', noteId: 'n1', text: 'Note', fields: [], createdAt: 1700000000000 } }, 201),
    ]);
    const note = await client.createNote({
      candidateId: opportunityId,
      text: 'Call summary',
      html: '<p>Call summary</p>',
      performAs: userId,
    });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: { value: 'Call summary' },
    });
    expect(line(sent[0])).toBe(`POST /v1/opportunities/${opportunityId}/notes?perform_as=${userId}`);
    expect(note).toEqual({
      provider: 'lever',
      id: 'n1',
      candidateId: opportunityId,
      text: 'Call summary',
      createdAt: new Date(1700000000000).toISOString(),
    });
  });

  it('accepts the documented {noteId} answer and leaves perform_as out when unknown', async () => {
    const { client, sent } = setup([json({ data: { noteId: '915a6cef-4f91-4f3d-b8ff-a49e1eae2c30' } }, 201)]);
    const note = await client.createNote({ candidateId: opportunityId, text: 'Hi' });
    expect(note.id).toBe('915a6cef-4f91-4f3d-b8ff-a49e1eae2c30');
    expect(sent[0]?.url.search).toBe('');
  });
});

describe('Lever client: finding candidates', () => {
  it('finds by email with Lever’s email filter', async () => {
    const { client, sent } = setup([
      json({ data: [opportunity({ applications: [applicationId], owner: ownerId })], hasNext: false }),
    ]);
    const found = await client.findCandidates({ email: ' shane@exampleq3.com ' });
    expect(line(sent[0])).toBe('GET /v1/opportunities?email=shane@exampleq3.com&limit=100');
    expect(found).toEqual([expect.objectContaining({ id: opportunityId, applicationIds: [applicationId] })]);
    expect(found[0]).not.toHaveProperty('owner');
  });

  it('finds by LinkedIn URL by listing every page and comparing normalized links', async () => {
    const other = opportunity({ id: 'other', links: ['https://linkedin.com/in/someone-else'] });
    const { client, sent } = setup([
      json({ data: [other], hasNext: true, next: pageToken }),
      json({ data: [opportunity({ links: ['linkedin.com/in/shane-smith'] })], hasNext: false }),
    ]);
    const found = await client.findCandidates({ linkedinUrl: 'https://www.linkedin.com/in/Shane-Smith/' });
    expect(sent).toHaveLength(2);
    expect(line(sent[0])).toBe('GET /v1/opportunities?limit=100');
    expect(found.map((candidate) => candidate.id)).toEqual([opportunityId]);
    expect(found[0]?.linkedinUrl).toBe('linkedin.com/in/shane-smith');
  });

  it('finds by name, ignoring case and spacing', async () => {
    const { client } = setup([
      json({ data: [opportunity(), opportunity({ id: 'x', name: 'Shane Smithers' })], hasNext: false }),
    ]);
    const found = await client.findCandidates({ name: '  shane   SMITH ' });
    expect(found.map((candidate) => candidate.id)).toEqual([opportunityId]);
  });
});

describe('Lever client: creating', () => {
  const created = (overrides: Record<string, unknown> = {}) =>
    json(
      {
        deduped: false,
        data: opportunity({ applications: [applicationId], owner: userId, stage: 'lead-new', ...overrides }),
      },
      201,
    );

  it('creates a sourced opportunity on the chosen posting, acting as the user', async () => {
    const { client, sent } = setup([created()]);
    const candidate = await client.createCandidate({
      name: 'Shane Smith',
      firstName: 'Shane',
      lastName: 'Smith',
      emails: ['shane@exampleq3.com'],
      phones: ['(123) 456-7891'],
      linkedinUrl: 'https://www.linkedin.com/in/shane-smith',
      location: 'Oakland',
      headline: 'Engineer at Central Perk',
      company: 'Central Perk',
      jobId: postingId,
      performAs: userId,
    });
    expect(line(sent[0])).toBe(`POST /v1/opportunities?perform_as=${userId}`);
    expect(sent[0]?.headers['Content-Type']).toBe('application/json');
    expect(sent[0]?.body).toEqual({
      name: 'Shane Smith',
      headline: 'Engineer at Central Perk',
      location: 'Oakland',
      emails: ['shane@exampleq3.com'],
      phones: [{ value: '(123) 456-7891' }],
      links: ['https://www.linkedin.com/in/shane-smith'],
      sources: ['LinkedIn'],
      origin: 'sourced',
      postings: [postingId],
    });
    expect(candidate).toMatchObject({ id: opportunityId, url: `https://hire.lever.co/candidates/${opportunityId}` });
  });

  it('refuses to create without perform_as, before sending anything', async () => {
    const { client, fetch } = setup([]);
    const error = await failure(
      client.createCandidate({ name: 'A B', firstName: 'A', lastName: 'B', emails: [], phones: [] }),
    );
    expect(error).toEqual({
      kind: 'invalid-input',
      provider: 'lever',
      message: 'Set your work email in Sidecar Options so Sidecar can act as you in Lever.',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('adds a job to an existing person as a new opportunity on the same contact', async () => {
    const newId = 'c0ffee00-0000-4000-8000-000000000001';
    const newApplication = { ...opportunity().applications[0], id: 'app-2', posting: 'posting-2' };
    const { client, sent } = setup([
      json({ data: opportunity() }),
      created({ id: newId }),
      json({ data: opportunity({ id: newId, applications: [newApplication] }) }),
      json({ data: { ...posting, id: 'posting-2', text: 'Data Engineer' } }),
    ]);
    const application = await client.createApplication({
      candidateId: opportunityId,
      jobId: 'posting-2',
      performAs: userId,
    });
    expect(sent.map(line)).toEqual([
      `GET /v1/opportunities/${opportunityId}?expand=applications&expand=stage&expand=owner`,
      `POST /v1/opportunities?perform_as=${userId}`,
      `GET /v1/opportunities/${newId}?expand=applications&expand=stage&expand=owner`,
      'GET /v1/postings/posting-2',
    ]);
    expect(sent[1]?.body).toEqual({ contact: contactId, postings: ['posting-2'] });
    expect(application).toMatchObject({
      id: 'app-2',
      candidateId: newId,
      jobId: 'posting-2',
      jobTitle: 'Data Engineer',
    });
  });

  it('uploads a resume as a multipart file on the opportunity', async () => {
    const { client, sent } = setup([json({ data: { id: 'file-1', name: 'cv.pdf', size: '1000' } }, 201)]);
    await client.uploadResume({
      candidateId: opportunityId,
      file: { name: 'cv.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7') },
      performAs: userId,
    });
    expect(line(sent[0])).toBe(`POST /v1/opportunities/${opportunityId}/files?perform_as=${userId}`);
    // fetch sets the multipart boundary itself, so no Content-Type is set by hand.
    expect(sent[0]?.headers).not.toHaveProperty('Content-Type');
    const form = sent[0]?.body as FormData;
    const file = form.get('file') as File;
    expect(file.name).toBe('cv.pdf');
    expect(file.type).toBe('application/pdf');
    expect(await file.text()).toBe('%PDF-1.7');
  });

  it('requires perform_as for a resume upload', async () => {
    const { client, fetch } = setup([]);
    const file = { name: 'cv.pdf', type: 'application/pdf', bytes: new Uint8Array() };
    expect(await failure(client.uploadResume({ candidateId: opportunityId, file }))).toMatchObject({
      kind: 'invalid-input',
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Lever client: feedback', () => {
  it('lists active templates, leaving out deleted ones and the built-in no-feedback', async () => {
    const { client, sent } = setup([
      json({
        data: [
          template,
          { ...template, id: 'old', deletedAt: 1526925087354 },
          { id: 'no-feedback', text: 'No Feedback', group: null, createdAt: null, updatedAt: null, fields: [] },
        ],
        hasNext: false,
      }),
    ]);
    const forms = await client.listFeedbackForms();
    expect(line(sent[0])).toBe('GET /v1/feedback_templates');
    expect(forms).toHaveLength(1);
    expect(forms[0]?.fields.map((field) => [field.id, field.type, field.required])).toEqual([
      ['rating', 'score', true],
      ['notes', 'long-text', true],
      ['strength', 'single-select', false],
      ['questions', 'multi-select', false],
      ['thumbs', 'score', false],
      ['eligible', 'yes-no', false],
      ['start', 'date', false],
      ['skills', 'other', false],
    ]);
    // Option values are what Lever wants back: the option text.
    expect(forms[0]?.fields[0]?.options[1]).toEqual({ value: '3 - Hire', label: '3 - Hire' });
    expect(forms[0]?.fields[4]?.options.map((option) => option.value)).toEqual(['1', '2', '3', '4']);
    expect(forms[0]?.fields[7]?.label).toBe('Ownership');
  });

  it('submits feedback for an interview: fresh template, panel looked up, values in Lever’s types', async () => {
    const interviewId = '85110ec8-e33a-4997-a798-5affc854b7ce';
    const panelId = '2cdfff3a-2d7e-4fa6-9a9b-25ba25b6a9f8';
    const { client, sent } = setup([
      json({ data: template }),
      json({ data: { id: interviewId, panel: panelId, date: 1423188000000, duration: 30 } }),
      json({ data: { id: 'c64fb192-d6d8-42dc-ac82-47cb87e9839c', baseTemplateId: template.id } }, 201),
    ]);
    const result = await client.submitFeedback({
      candidateId: opportunityId,
      applicationId,
      formId: template.id,
      interviewId,
      values: [
        { fieldId: 'rating', value: '3 - Hire' },
        { fieldId: 'notes', value: 'Strong systems thinking.' },
        { fieldId: 'strength', value: null },
        { fieldId: 'questions', value: ['Projects'] },
        { fieldId: 'thumbs', value: '4' },
        { fieldId: 'eligible', value: true },
        { fieldId: 'start', value: '2026-12-01T00:00:00.000Z' },
      ],
      performAs: userId,
    });
    expect(result).toEqual({ id: 'c64fb192-d6d8-42dc-ac82-47cb87e9839c' });
    expect(sent.map(line)).toEqual([
      `GET /v1/feedback_templates/${template.id}`,
      `GET /v1/opportunities/${opportunityId}/interviews/${interviewId}`,
      `POST /v1/opportunities/${opportunityId}/feedback?perform_as=${userId}`,
    ]);
    expect(sent[2]?.body).toEqual({
      baseTemplateId: template.id,
      panel: panelId,
      interview: interviewId,
      fieldValues: [
        { id: 'rating', value: '3 - Hire' },
        { id: 'notes', value: 'Strong systems thinking.' },
        { id: 'questions', value: ['Projects'] },
        { id: 'thumbs', value: 4 },
        { id: 'eligible', value: 'yes' },
        { id: 'start', value: Date.parse('2026-12-01T00:00:00.000Z') },
      ],
    });
  });

  it('reads a template printed bare, as the docs show it', async () => {
    const { client, sent } = setup([json(template), json({ data: { id: 'f1' } }, 201)]);
    const values = [
      { fieldId: 'rating', value: '4 - Strong Hire' },
      { fieldId: 'notes', value: 'Great' },
    ];
    await client.submitFeedback({
      candidateId: opportunityId,
      applicationId,
      formId: template.id,
      values,
      performAs: userId,
    });
    expect(sent[1]?.body).toEqual({
      baseTemplateId: template.id,
      fieldValues: [
        { id: 'rating', value: '4 - Strong Hire' },
        { id: 'notes', value: 'Great' },
      ],
    });
  });

  it('refuses a value that is not one of the options, before posting', async () => {
    const { client, sent } = setup([json({ data: template })]);
    const error = await failure(
      client.submitFeedback({
        candidateId: opportunityId,
        applicationId,
        formId: template.id,
        values: [
          { fieldId: 'rating', value: '3 - Yes' },
          { fieldId: 'notes', value: 'x' },
        ],
        performAs: userId,
      }),
    );
    expect(error).toMatchObject({ kind: 'invalid-input' });
    expect(error.message).toContain('3 - Yes');
    expect(sent).toHaveLength(1);
  });

  it('refuses to submit with required fields empty, since Lever would save the form as completed', async () => {
    const { client, sent } = setup([json({ data: template })]);
    const error = await failure(
      client.submitFeedback({
        candidateId: opportunityId,
        applicationId,
        formId: template.id,
        values: [{ fieldId: 'rating', value: '2 - No Hire' }],
        performAs: userId,
      }),
    );
    expect(error.message).toBe('Fill in the required fields: Notes / Comments.');
    expect(sent).toHaveLength(1);
  });

  it('requires perform_as to submit feedback', async () => {
    const { client, fetch } = setup([]);
    const input = { candidateId: opportunityId, applicationId, formId: template.id, values: [] };
    expect(await failure(client.submitFeedback(input))).toMatchObject({ kind: 'invalid-input' });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Lever client: stages and interviews', () => {
  it('moves the opportunity’s stage, adds the note as a second call, and reads the result back', async () => {
    const stageId = '00922a60-7c15-422b-b086-f62000824fd7';
    const { client, sent } = setup([
      json({ data: opportunity({ stage: stageId, owner: ownerId, applications: [applicationId] }) }),
      json({ data: { id: 'n1', noteId: 'n1' } }, 201),
      json({ data: opportunity({ stage: { id: stageId, text: 'Phone screen' } }) }),
      json({ data: posting }),
    ]);
    const application = await client.moveToStage({
      candidateId: opportunityId,
      applicationId,
      stageId,
      note: 'Moving on',
      performAs: userId,
    });
    expect(sent.map(line)).toEqual([
      `PUT /v1/opportunities/${opportunityId}/stage?perform_as=${userId}`,
      `POST /v1/opportunities/${opportunityId}/notes?perform_as=${userId}`,
      `GET /v1/opportunities/${opportunityId}?expand=applications&expand=stage&expand=owner`,
      `GET /v1/postings/${postingId}`,
    ]);
    expect(sent[0]?.body).toEqual({ stage: stageId });
    expect(sent[1]?.body).toEqual({ value: 'Moving on' });
    expect(application).toMatchObject({ id: applicationId, stage: { id: stageId, name: 'Phone screen' } });
  });

  it('reports an unknown stage as not-found', async () => {
    const { client } = setup([json({ code: 'ResourceNotFound', message: 'stages nope was not found' }, 404)]);
    const error = await failure(client.moveToStage({ candidateId: opportunityId, applicationId, stageId: 'nope' }));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, message: 'stages nope was not found' });
  });

  it('schedules through a panel with one interview, finding the interviewer by email', async () => {
    const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const start = '2026-12-01T14:00:00.000Z';
    const panel = {
      id: 'a402cff4-ecca-4e40-8a89-9f21d374aea3',
      applications: [applicationId],
      start: Date.parse(start),
      end: Date.parse(start) + 45 * 60_000,
      externallyManaged: true,
      interviews: [{ id: '4f5beb46-1404-48f7-b841-2c100278d4de', date: Date.parse(start), duration: 45 }],
    };
    const { client, sent } = setup([
      json({ data: [user], hasNext: false }),
      // The docs print a doubled data.data; real answers are single. Both are read.
      json({ data: { data: [panel], hasNext: false } }, 201),
    ]);
    const interview = await client.scheduleInterview({
      candidateId: opportunityId,
      applicationId,
      start,
      end: '2026-12-01T14:45:00.000Z',
      interviewerEmail: 'rachel@example.com',
      location: 'Zoom',
      title: 'Technical interview',
      performAs: userId,
    });
    expect(sent.map(line)).toEqual([
      'GET /v1/users?email=rachel@example.com&limit=100',
      `POST /v1/opportunities/${opportunityId}/panels?perform_as=${userId}`,
    ]);
    expect(sent[1]?.body).toEqual({
      applications: [applicationId],
      timezone,
      interviews: [
        {
          subject: 'Technical interview',
          interviewers: [{ id: ownerId }],
          date: Date.parse(start),
          duration: 45,
          location: 'Zoom',
        },
      ],
    });
    expect(interview).toEqual({
      id: '4f5beb46-1404-48f7-b841-2c100278d4de',
      applicationId,
      start,
      end: '2026-12-01T14:45:00.000Z',
    });
  });

  it('refuses an interviewer who is not a Lever user', async () => {
    const { client, sent } = setup([json({ data: [], hasNext: false })]);
    const error = await failure(
      client.scheduleInterview({
        candidateId: opportunityId,
        applicationId,
        start: '2026-12-01T14:00:00.000Z',
        end: '2026-12-01T15:00:00.000Z',
        interviewerEmail: 'nobody@example.com',
        performAs: userId,
      }),
    );
    expect(error).toMatchObject({ kind: 'invalid-input' });
    expect(sent).toHaveLength(1);
  });
});

describe('Lever client: error kinds', () => {
  const note = (client: ReturnType<typeof setup>['client']) =>
    client.createNote({ candidateId: opportunityId, text: 'x', performAs: userId });

  it('maps 401 to auth', async () => {
    const { client } = setup([json({ code: 'Unauthorized', message: 'Invalid API key' }, 401)]);
    expect(await failure(client.listUsers())).toMatchObject({ kind: 'auth', status: 401, message: 'Invalid API key' });
  });

  it('maps 403 to permission', async () => {
    const { client } = setup([json({ code: 'Forbidden', message: 'Not authorized' }, 403)]);
    expect(await failure(note(client))).toMatchObject({ kind: 'permission', status: 403 });
  });

  it('maps 400 to invalid-input with Lever’s message', async () => {
    const { client } = setup([json({ code: 'BadRequest', message: 'Missing required field: value' }, 400)]);
    expect(await failure(note(client))).toMatchObject({
      kind: 'invalid-input',
      status: 400,
      message: 'Missing required field: value',
    });
  });

  it('maps 429 to rate-limited with the Retry-After seconds', async () => {
    const { client } = setup([
      json({ code: 'TooManyRequests', message: 'Rate limit exceeded' }, 429, { 'Retry-After': '120' }),
    ]);
    expect(await failure(note(client))).toMatchObject({ kind: 'rate-limited', status: 429, retryAfter: 120 });
  });

  it('maps 5xx to upstream and never repeats the write', async () => {
    const { client, fetch } = setup([json({ code: 'ServiceUnavailable', message: 'Down for maintenance' }, 503)]);
    expect(await failure(note(client))).toMatchObject({ kind: 'upstream', status: 503 });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('maps a failed connection to network', async () => {
    const { client } = setup([new TypeError('fetch failed')]);
    expect(await failure(note(client))).toMatchObject({ kind: 'network' });
  });

  it('maps a body that is not JSON to invalid-response', async () => {
    const { client } = setup([new Response('{"data":[{"id":"', { status: 200 })]);
    expect(await failure(client.listUsers())).toMatchObject({ kind: 'invalid-response' });
  });
});
