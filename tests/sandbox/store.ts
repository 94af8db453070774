import { seed } from './seed.ts';

/**
 * One neutral shape for the three ATSs: each vendor's router maps it to that vendor's pages and payloads, so a
 * later endpoint only adds a mapping, never a second copy of the data. IDs are stored in each vendor's own format.
 */
export interface User {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  /** In the vendor's vocabulary (Ashby `globalRole`, Lever `accessRole`, a Pinpoint role name). */
  role: string;
  createdAt: string;
}

export interface Stage {
  id: string;
  title: string;
  /** Ashby stage type, Lever's built-in kind, or Pinpoint's basic type. */
  type: string;
}

export interface Job {
  id: string;
  title: string;
  department: string;
  location: string;
  status: 'open' | 'closed';
  hiringManagerId: string;
  createdAt: string;
}

export interface Note {
  id: string;
  authorId: string;
  body: string;
  createdAt: string;
}

export interface Candidate {
  id: string;
  /** Lever's person record behind an opportunity; unused elsewhere. */
  contactId?: string;
  name: string;
  email: string;
  phone: string;
  location: string;
  headline: string;
  company: string;
  linkedInUrl?: string;
  links: string[];
  notes: Note[];
  createdAt: string;
}

export interface Application {
  id: string;
  candidateId: string;
  jobId: string;
  stageId: string;
  source: string;
  status: 'active' | 'archived' | 'hired';
  ownerId: string;
  createdAt: string;
}

export interface Interview {
  id: string;
  applicationId: string;
  title: string;
  interviewerId: string;
  startAt: string;
  endAt: string;
}

export interface AtsData {
  users: User[];
  jobs: Job[];
  stages: Stage[];
  candidates: Candidate[];
  applications: Application[];
  interviews: Interview[];
}

export interface Experience {
  title: string;
  company: string;
  companySlug?: string;
  employmentType: string;
  start: string;
  end?: string;
  location: string;
  description: string;
}

export interface Education {
  school: string;
  degree: string;
  field: string;
  start: string;
  end: string;
}

export interface LinkedinProfile {
  slug: string;
  name: string;
  headline: string;
  location: string;
  about: string;
  experience: Experience[];
  education: Education[];
}

export interface LinkedinCompany {
  slug: string;
  name: string;
  industry: string;
  size: string;
  headquarters: string;
  about: string;
}

export interface SandboxData {
  ashby: AtsData;
  lever: AtsData;
  pinpoint: AtsData & { subdomain: string };
  linkedin: { profiles: LinkedinProfile[]; companies: LinkedinCompany[] };
}

/** A fresh, independent copy of the seed: tests may mutate it freely and `reset()` brings the seed back. */
export function createStore(): SandboxData {
  return structuredClone(seed);
}

export function fullName(user: User): string {
  return `${user.firstName} ${user.lastName}`;
}

/** The pieces every candidate page needs, looked up once so the page templates stay flat. */
export function describeApplication(data: AtsData, application: Application) {
  return {
    application,
    candidate: data.candidates.find((candidate) => candidate.id === application.candidateId),
    job: data.jobs.find((job) => job.id === application.jobId),
    stage: data.stages.find((stage) => stage.id === application.stageId),
    owner: data.users.find((user) => user.id === application.ownerId),
  };
}
