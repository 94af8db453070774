import type { Executor } from '@/lib/background/outbox';
import { SidecarError } from '@/lib/core/errors';
import { type AtsProvider, siteLabels } from '@/lib/core/page-context';
import type { OutboxOperation } from '@/lib/core/outbox';
import type { ProfileSnapshot } from '@/lib/core/profile';
import type { Application, CandidateContext } from '@/lib/core/types';
import { currentCompany, findExistingCandidates } from '@/lib/matching/profile-match';
import type { AtsClient, NewCandidate } from '@/lib/providers/contracts';
import { formatProfileNote, profileNoteHeading } from './profile-note';
import { createResumePdf } from './resume-pdf';

export interface ExportExecutorDependencies {
  clientFor: (provider: AtsProvider) => Promise<AtsClient>;
  /** The user's own ATS user id, where they set their work email (Lever requires it on writes). */
  performAsFor: (provider: AtsProvider) => Promise<string | undefined>;
}

/*
 * Completed steps, as stored in the outbox entry (which keeps only names, so the ids a later step needs ride in them;
 * each id is URI-encoded so a ':' inside one cannot shift the fields):
 *   candidate:<candidateId>                    the candidate was found, chosen or created
 *   application:<applicationId>:<candidateId>  the application exists; the candidate is the one it belongs to (a new
 *                                              Lever opportunity, or the person Pinpoint created with it)
 *   note                                       the profile note is posted
 *   resume                                     the resume is uploaded
 */
const candidateStep = (candidateId: string) => `candidate:${encodeURIComponent(candidateId)}`;
const applicationStep = (applicationId: string, candidateId: string) =>
  `application:${encodeURIComponent(applicationId)}:${encodeURIComponent(candidateId)}`;

interface Progress {
  candidateId?: string;
  application?: { id: string; candidateId: string };
  note: boolean;
  resume: boolean;
}

export function readExportProgress(completedSteps: readonly string[]): Progress {
  const progress: Progress = { note: false, resume: false };
  for (const step of completedSteps) {
    const [name, ...ids] = step.split(':').map((part) => decodeURIComponent(part));
    if (name === 'candidate' && ids[0]) progress.candidateId = ids[0];
    if (name === 'application' && ids[0] && ids[1]) progress.application = { id: ids[0], candidateId: ids[1] };
    if (name === 'note') progress.note = true;
    if (name === 'resume') progress.resume = true;
  }
  return progress;
}

/** Everything the ATS can take about the person; each client sends the fields its API has. */
export function newCandidateFrom(profile: ProfileSnapshot): NewCandidate {
  const company = currentCompany(profile);
  return {
    name: profile.name.trim(),
    firstName: profile.firstName.trim(),
    lastName: profile.lastName.trim(),
    emails: profile.emails.map((email) => email.trim()).filter(Boolean),
    phones: profile.phones.map((phone) => phone.trim()).filter(Boolean),
    ...(profile.profileUrl.trim() ? { linkedinUrl: profile.profileUrl.trim() } : {}),
    ...(profile.location?.trim() ? { location: profile.location.trim() } : {}),
    ...(profile.headline?.trim() ? { headline: profile.headline.trim() } : {}),
    ...(company ? { company } : {}),
  };
}

const normalizeText = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** How far back a note counts as "ours" when looking for one a lost response already created. */
const noteLookbackMilliseconds = 10 * 60_000;

/**
 * Posts the profile note unless an earlier attempt already did (its response lost before a restart). The check is
 * looser than an identical text, because Ashby gives notes back as text made from our HTML: a note from around the
 * click that starts with the export heading and names the same profile URL is ours.
 */
async function createProfileNoteOnce(
  client: AtsClient,
  input: { candidateId: string; applicationId?: string; text: string; html?: string; performAs?: string },
  profileUrl: string,
  since: number,
): Promise<void> {
  const heading = normalizeText(profileNoteHeading);
  const url = normalizeText(profileUrl);
  const notes = await client.listNotes({ candidateId: input.candidateId, applicationId: input.applicationId });
  const alreadyThere = notes.some((note) => {
    const text = normalizeText(note.text);
    return (
      Date.parse(note.createdAt) >= since - noteLookbackMilliseconds &&
      (text === normalizeText(input.text) || (text.includes(heading) && text.includes(url)))
    );
  });
  if (!alreadyThere) await client.createNote(input);
}

function invalidInput(provider: AtsProvider, message: string): SidecarError {
  return new SidecarError({ kind: 'invalid-input', provider, message });
}

/**
 * Exports a LinkedIn profile to an ATS job as an outbox entry. It looks before every write that has something to
 * look at, so an attempt cut short by a service-worker restart can run again without a second candidate, application
 * or note: the person is searched for (by LinkedIn URL, email, then name and company) before one is created, the
 * candidate's applications are read before adding the job, and the notes before posting. Only a resume upload cut off
 * between the upload and its record can repeat, as no ATS here lists files; that costs a duplicate file, not a person.
 */
export function createExportExecutor(dependencies: ExportExecutorDependencies): Executor {
  return {
    looksBeforeWriting: true,
    async run({ entry, completeStep }) {
      const operation: OutboxOperation = entry.operation;
      if (operation.type !== 'export') throw new Error(`The export executor cannot run ${operation.type}`);
      const provider = entry.provider;
      const atsLabel = siteLabels[provider];
      const { profile } = operation;
      const client = await dependencies.clientFor(provider);
      const performAs = await dependencies.performAsFor(provider);
      const progress = readExportProgress(entry.completedSteps);
      // Pinpoint has no candidate endpoint: the person is created by their first application, which takes the CV.
      const createsPersonWithApplication = client.unsupported.createCandidate !== undefined;
      const newCandidate = newCandidateFrom(profile);

      // 1. Candidate: the chosen one, a found one, or a new one (except where the application step creates it).
      let candidateId = progress.application?.candidateId ?? progress.candidateId;
      if (!candidateId) {
        if (operation.existingCandidateId) {
          candidateId = operation.existingCandidateId;
        } else {
          // Checked before any request: without an email Pinpoint refuses the application, so searching is wasted.
          if (createsPersonWithApplication && newCandidate.emails.length === 0) {
            throw invalidInput(provider, `${atsLabel} needs an email to create an application`);
          }
          const match = await findExistingCandidates(client, {
            profileUrl: profile.profileUrl,
            emails: profile.emails,
            name: profile.name,
            currentCompany: currentCompany(profile),
          });
          if (match?.exact) {
            // The same LinkedIn URL or email is the same person: never a second candidate, whatever the user chose.
            candidateId = match.candidate.id;
          } else if (match && !operation.createAnyway) {
            const where = match.candidate.company ?? match.candidate.headline;
            throw invalidInput(
              provider,
              `${atsLabel} already has ${match.candidate.name}${where ? ` (${where})` : ''}, who may be the same ` +
                'person. Choose "Add to this job" for them, or "Create anyway" for a new candidate.',
            );
          } else if (!createsPersonWithApplication) {
            // The job goes along where the ATS takes it (Lever: the opportunity then holds the application, and the
            // application step finds it instead of opening a second, empty one); others ignore it.
            const created = await client.createCandidate({ ...newCandidate, jobId: operation.jobId, performAs });
            candidateId = created.id;
          }
        }
        if (candidateId) await completeStep(candidateStep(candidateId));
      }

      // 2. Application: unless the candidate already applied to this job.
      let context: CandidateContext | undefined;
      let application: { id: string; candidateId: string } | undefined = progress.application;
      if (!application) {
        const resume = createsPersonWithApplication ? await createResumePdf(profile) : undefined;
        let existing: Application | undefined;
        if (candidateId) {
          context = await client.getCandidateContext({ candidateId });
          existing = context.applications.find((each) => each.jobId === operation.jobId);
        }
        const written =
          existing ??
          (await client.createApplication({
            jobId: operation.jobId,
            performAs,
            ...(candidateId ? { candidateId } : { candidate: newCandidate }),
            ...(resume ? { resume } : {}),
          }));
        const owner = written.candidateId || candidateId;
        if (!owner) {
          throw new SidecarError({
            kind: 'invalid-response',
            provider,
            message: `${atsLabel} created the application without saying whose it is`,
          });
        }
        application = { id: written.id, candidateId: owner };
        await completeStep(applicationStep(application.id, application.candidateId));
      }
      // Notes and files go with the application's candidate: in Lever a second job is a new opportunity.
      const target = { candidateId: application.candidateId, applicationId: application.id };

      // 3. Profile note.
      if (!progress.note) {
        const text = formatProfileNote(profile, 'text');
        const html = provider === 'ashby' ? formatProfileNote(profile, 'html') : undefined;
        await createProfileNoteOnce(
          client,
          { ...target, text, ...(html ? { html } : {}), performAs },
          profile.profileUrl,
          entry.createdAt,
        );
        await completeStep('note');
      }

      // 4. Resume, where the ATS takes one after the application (Pinpoint took it with the application).
      if (!progress.resume && !createsPersonWithApplication && !client.unsupported.uploadResume) {
        await client.uploadResume({ ...target, file: await createResumePdf(profile), performAs });
        await completeStep('resume');
      }

      const message = `Exported to ${atsLabel} · ${operation.jobTitle}`;
      if (context?.candidate.id === target.candidateId) return { message, url: context.candidate.url };
      try {
        return { message, url: (await client.getCandidateContext(target)).candidate.url };
      } catch {
        // Everything is written by now: a link that could not be read is no reason to report the export as failed.
        return { message };
      }
    },
  };
}
