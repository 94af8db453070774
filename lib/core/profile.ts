/** One role. Several roles at one company (LinkedIn groups them) each get their own entry with the same company. */
export interface ProfileExperience {
  title: string;
  company: string;
  /** "Full-time", "Contract"… as the profile says. */
  employmentType?: string;
  /** As written on the profile: "Jan 2021", "2019". */
  start?: string;
  /** Undefined with `current: true` for a present role. */
  end?: string;
  current: boolean;
  location?: string;
  description?: string;
}

export interface ProfileEducation {
  school: string;
  degree?: string;
  field?: string;
  startYear?: string;
  endYear?: string;
}

/** Which way a field was read, so the panel can say what it could not read instead of guessing. */
export type ProfileSource = 'structured-data' | 'dom' | 'json-ld';

/** What Sidecar read from a LinkedIn profile page, as shown (and editable) before export. */
export interface ProfileSnapshot {
  /** `https://www.linkedin.com/in/<slug>`: decoded, no trailing slash or query. */
  profileUrl: string;
  slug: string;
  /** `urn:li:fsd_profile:ACo…` where the page carries it: the key that survives a slug change. */
  memberUrn?: string;
  name: string;
  firstName: string;
  lastName: string;
  headline?: string;
  location?: string;
  about?: string;
  experience: ProfileExperience[];
  education: ProfileEducation[];
  skills: string[];
  /** Only what the contact-info overlay shows while the user has it open. */
  emails: string[];
  phones: string[];
  websites: string[];
  /** Sections the page did not show or that could not be read. */
  missing: Array<'name' | 'headline' | 'location' | 'about' | 'experience' | 'education' | 'skills' | 'contact'>;
  source: ProfileSource;
  readAt: string;
}
