import type { ProfileSnapshot } from '@/lib/core/profile';

/**
 * Export a LinkedIn profile to an ATS job: one outbox entry that finds or creates the candidate, adds them to the job,
 * and posts the profile note and the generated resume, each step recorded so a retry resumes where it stopped.
 */
export interface ExportOperation {
  type: 'export';
  /**
   * The outbox groups entries by candidate: `'new'` until the candidate exists, or the candidate the user chose to
   * add to the job. The id of a candidate created on the way is kept in the entry's completed steps instead.
   */
  candidateId: string;
  /** As shown, and possibly edited, in the panel when the user clicked Export. */
  profile: ProfileSnapshot;
  jobId: string;
  jobTitle: string;
  /** "Add to this job": the user picked this existing candidate, so nothing is searched or created. */
  existingCandidateId?: string;
  /** The user saw a name-and-company match and chose a new candidate anyway (a URL or email match is still used). */
  createAnyway?: boolean;
}
