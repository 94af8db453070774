// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { Candidate } from '@/lib/core/types';
import { currentCompany, findExistingCandidates, normalizeLinkedinUrl } from '@/lib/matching/profile-match';
import type { AtsClient } from '@/lib/providers/contracts';
import { profileFixture } from '../export/profile-fixture';

function candidate(id: string, fields: Partial<Candidate> = {}): Candidate {
  return {
    provider: 'ashby',
    id,
    name: 'Priya Raman',
    emails: [],
    phones: [],
    url: `https://app.ashbyhq.com/candidates/${id}`,
    applicationIds: [],
    ...fields,
  };
}

type Query = { email?: string; linkedinUrl?: string; name?: string };

function fakeClient(answer: (query: Query) => Candidate[]) {
  const findCandidates = vi.fn(async (query: Query) => answer(query));
  return { client: { provider: 'ashby', unsupported: {}, findCandidates } as unknown as AtsClient, findCandidates };
}

const identity = {
  profileUrl: 'https://www.linkedin.com/in/priya-raman',
  emails: ['priya@example.com', 'p.raman@work.example'],
  name: 'Priya Raman',
  currentCompany: 'Acme',
};

describe('normalizeLinkedinUrl', () => {
  it('treats host case, www or country hosts, query, trailing slash and slug case as the same profile', () => {
    const wanted = normalizeLinkedinUrl('https://www.linkedin.com/in/priya-raman');
    for (const variant of [
      'https://WWW.LinkedIn.com/in/Priya-Raman/',
      'linkedin.com/in/priya-raman?trk=public_profile',
      'http://uk.linkedin.com/in/priya-raman#about',
      'https://www.linkedin.com/in/priya-raman/details/experience/',
    ]) {
      expect(normalizeLinkedinUrl(variant)).toBe(wanted);
    }
  });

  it('decodes percent-encoded slugs so a stored encoded URL matches the decoded one', () => {
    expect(normalizeLinkedinUrl('https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E-8a1b2c/')).toBe(
      normalizeLinkedinUrl('https://www.linkedin.com/in/王小明-8a1b2c'),
    );
  });

  it('keeps different slugs apart and refuses what is not a URL', () => {
    expect(normalizeLinkedinUrl('https://www.linkedin.com/in/priya-raman-2')).not.toBe(
      normalizeLinkedinUrl('https://www.linkedin.com/in/priya-raman'),
    );
    expect(normalizeLinkedinUrl('  ')).toBeUndefined();
    expect(normalizeLinkedinUrl('http://exa mple')).toBeUndefined();
  });
});

describe('currentCompany', () => {
  it('is the company of the first role still held', () => {
    expect(currentCompany(profileFixture())).toBe('Acme');
  });

  it('is undefined when no role is current', () => {
    expect(currentCompany({ experience: [{ title: 'Engineer', company: 'Globex', current: false }] })).toBeUndefined();
  });
});

describe('findExistingCandidates', () => {
  it('searches by LinkedIn URL first and stops there when it finds someone', async () => {
    const { client, findCandidates } = fakeClient((query) =>
      query.linkedinUrl ? [candidate('c1', { linkedinUrl: 'linkedin.com/in/Priya-Raman/' })] : [candidate('other')],
    );
    const match = await findExistingCandidates(client, identity);
    expect(match).toMatchObject({ candidate: { id: 'c1' }, by: 'linkedin-url', exact: true, others: [] });
    expect(findCandidates).toHaveBeenCalledTimes(1);
    expect(findCandidates).toHaveBeenCalledWith({ linkedinUrl: identity.profileUrl });
  });

  it('ignores a URL result whose stored LinkedIn URL names another profile', async () => {
    const { client } = fakeClient((query) =>
      query.linkedinUrl ? [candidate('c9', { linkedinUrl: 'https://www.linkedin.com/in/someone-else' })] : [],
    );
    expect(await findExistingCandidates(client, { ...identity, currentCompany: undefined })).toBeNull();
  });

  it('tries each email in turn after the URL, as an exact match', async () => {
    const { client, findCandidates } = fakeClient((query) =>
      query.email === 'p.raman@work.example' ? [candidate('c2')] : [],
    );
    const match = await findExistingCandidates(client, identity);
    expect(match).toMatchObject({ candidate: { id: 'c2' }, by: 'email', exact: true });
    expect(findCandidates.mock.calls.map(([query]) => query)).toEqual([
      { linkedinUrl: identity.profileUrl },
      { email: 'priya@example.com' },
      { email: 'p.raman@work.example' },
    ]);
  });

  it('lists the other candidates the deciding search found', async () => {
    const { client } = fakeClient((query) =>
      query.email ? [candidate('c2'), candidate('c3'), candidate('c2'), candidate('c4')] : [],
    );
    const match = await findExistingCandidates(client, identity);
    expect(match?.candidate.id).toBe('c2');
    expect(match?.others.map((other) => other.id)).toEqual(['c3', 'c4']);
  });

  it('matches name and company last, ignoring case, accents and spaces, and only as a suggestion', async () => {
    const { client, findCandidates } = fakeClient((query) =>
      query.name ? [candidate('c5', { name: '  priyá   RAMAN ', company: 'Acme Inc.' })] : [],
    );
    const match = await findExistingCandidates(client, identity);
    expect(match).toMatchObject({ candidate: { id: 'c5' }, by: 'name-and-company', exact: false });
    expect(findCandidates).toHaveBeenLastCalledWith({ name: 'Priya Raman' });
  });

  it('accepts the company from the candidate headline', async () => {
    const { client } = fakeClient((query) =>
      query.name ? [candidate('c6', { headline: 'Staff Engineer @ Acme, London' })] : [],
    );
    expect((await findExistingCandidates(client, identity))?.candidate.id).toBe('c6');
  });

  it('never matches on a name alone: a namesake at another company, or no company known, is no match', async () => {
    const { client, findCandidates } = fakeClient((query) =>
      query.name ? [candidate('c7', { company: 'Initech', headline: 'Engineer at Initech' }), candidate('c8')] : [],
    );
    expect(await findExistingCandidates(client, identity)).toBeNull();

    findCandidates.mockClear();
    expect(await findExistingCandidates(client, { ...identity, currentCompany: undefined })).toBeNull();
    expect(findCandidates).not.toHaveBeenCalledWith({ name: 'Priya Raman' });
  });

  it('does not take a company named inside a longer word as a match', async () => {
    const { client } = fakeClient((query) => (query.name ? [candidate('c9', { company: 'Acmetronics' })] : []));
    expect(await findExistingCandidates(client, identity)).toBeNull();
  });
});
