import type { ProfileSnapshot } from '@/lib/core/profile';
import type { Candidate } from '@/lib/core/types';
import type { AtsClient } from '@/lib/providers/contracts';
import { normalizeLinkedinUrl, normalizeName } from './normalize';

export { normalizeLinkedinUrl, normalizeName };

/** Who the ATS already holds for a LinkedIn profile, and how sure Sidecar is that it is the same person. */
export interface ProfileMatch {
  candidate: Candidate;
  by: 'linkedin-url' | 'email' | 'name-and-company';
  /** A LinkedIn URL or an email identifies a person; a name and a company only suggest one, so the user decides. */
  exact: boolean;
  /** Further candidates the same search found, so the user can pick another one. */
  others: Candidate[];
}

export interface ProfileIdentity {
  profileUrl: string;
  emails: string[];
  name: string;
  currentCompany?: string;
}

/** The company of the first role still held, as the profile lists it (LinkedIn puts the current ones first). */
export function currentCompany(profile: Pick<ProfileSnapshot, 'experience'>): string | undefined {
  const company = profile.experience.find((experience) => experience.current)?.company.trim();
  return company || undefined;
}

/** Words without punctuation, so "Acme, Inc." holds "acme" and a headline "Engineer @ Acme" holds "acme". */
function words(value: string): string[] {
  return normalizeName(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

/**
 * The ATS may keep a legal suffix the profile drops or the other way round ("Acme" / "Acme Inc."), and often has the
 * company only inside the headline ("Engineer at Acme"), so whole words are compared rather than whole strings.
 */
function companyMatches(candidate: Candidate, company: string): boolean {
  const wanted = words(company);
  if (wanted.length === 0) return false;
  const candidateCompany = words(candidate.company ?? '');
  if (containsSequence(candidateCompany, wanted) || containsSequence(wanted, candidateCompany)) return true;
  return containsSequence(words(candidate.headline ?? ''), wanted);
}

function distinct(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => !seen.has(candidate.id) && seen.add(candidate.id));
}

function toMatch(candidates: Candidate[], by: ProfileMatch['by']): ProfileMatch | null {
  const [candidate, ...others] = distinct(candidates);
  if (!candidate) return null;
  return { candidate, by, exact: by !== 'name-and-company', others };
}

/**
 * Looks for the person in the ATS before an export creates them again: by LinkedIn URL, then by each email, then by
 * full name together with the current company. The first search that finds someone decides; a name alone never
 * matches, because namesakes are common and merging two people is worse than asking.
 */
export async function findExistingCandidates(
  client: AtsClient,
  profile: ProfileIdentity,
): Promise<ProfileMatch | null> {
  const wantedUrl = normalizeLinkedinUrl(profile.profileUrl);
  if (wantedUrl) {
    const found = await client.findCandidates({ linkedinUrl: profile.profileUrl });
    // The ATS did the matching; a candidate whose stored URL plainly names someone else is still left out.
    const match = toMatch(
      found.filter((candidate) => !candidate.linkedinUrl || normalizeLinkedinUrl(candidate.linkedinUrl) === wantedUrl),
      'linkedin-url',
    );
    if (match) return match;
  }

  const emails = [
    ...new Map(
      profile.emails
        .map((email) => email.trim())
        .filter(Boolean)
        .map((email) => [email.toLowerCase(), email] as const),
    ).values(),
  ];
  for (const email of emails) {
    // Trusted as the ATS answers: Lever, for one, matches a canonicalized email that a plain comparison would miss.
    const match = toMatch(await client.findCandidates({ email }), 'email');
    if (match) return match;
  }

  const wantedName = normalizeName(profile.name);
  const company = profile.currentCompany?.trim();
  if (wantedName && company) {
    const found = await client.findCandidates({ name: profile.name.trim() });
    const match = toMatch(
      found.filter((candidate) => normalizeName(candidate.name) === wantedName && companyMatches(candidate, company)),
      'name-and-company',
    );
    if (match) return match;
  }
  return null;
}
