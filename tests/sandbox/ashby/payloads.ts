import type { Application, AtsData, Candidate, Job, Note, Stage, User } from '../store.ts';
import {
  findEvent,
  interviewPlanId,
  stableId,
  type AshbyState,
  type FeedbackSubmission,
  type InterviewSchedule,
  type InterviewType,
  type ScheduledEvent,
} from './state.ts';

/** Store records in Ashby's response shapes (shared/reference/ashby-api.md §6). */

export const appOrigin = 'https://app.ashbyhq.com';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function userPayload(user: User) {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    globalRole: user.role,
    isEnabled: true,
    updatedAt: user.createdAt,
  };
}

function contact(value: string, isPrimary: boolean) {
  return { value, type: 'Personal', isPrimary };
}

function socialLink(url: string) {
  const host = new URL(url).hostname;
  const type = /(^|\.)linkedin\.com$/.test(host) ? 'LinkedIn' : /(^|\.)github\.com$/.test(host) ? 'GitHub' : 'Website';
  return { type, url };
}

function locationPayload(summary: string) {
  const parts = summary.split(',').map((part) => part.trim());
  const country = parts.length > 1 ? parts[parts.length - 1] : undefined;
  const city = parts.length > 1 ? parts[0] : undefined;
  return {
    id: stableId('candidate-location', summary),
    locationSummary: summary,
    locationComponents: [
      ...(country ? [{ type: 'Country', name: country }] : []),
      ...(city ? [{ type: 'City', name: city }] : []),
    ],
  };
}

export function departmentPayload(name: string) {
  return {
    id: stableId('department', name),
    name,
    externalName: name,
    isArchived: false,
    parentId: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

export function jobLocationPayload(name: string) {
  return {
    id: stableId('location', name),
    name,
    externalName: name,
    isArchived: false,
    isRemote: /remote/i.test(name),
    workplaceType: /remote/i.test(name) ? 'Remote' : 'OnSite',
    parentLocationId: null,
    type: 'Location',
  };
}

export function stagePayload(stage: Stage, data: AtsData) {
  return {
    id: stage.id,
    title: stage.title,
    type: stage.type,
    orderInInterviewPlan: data.stages.findIndex((each) => each.id === stage.id),
    interviewStageGroupId: null,
    interviewPlanId,
  };
}

export function candidatePayload(candidate: Candidate, data: AtsData, state: AshbyState) {
  const alternates = state.alternateEmails.get(candidate.id) ?? [];
  const emails = [
    ...(candidate.email ? [contact(candidate.email, true)] : []),
    ...alternates.map((email) => contact(email, false)),
  ];
  const phones = candidate.phone ? [contact(candidate.phone, true)] : [];
  const creditedTo = data.users.find((user) => user.id === state.creditedTo.get(candidate.id));
  const resume = state.resumes.get(candidate.id);
  const suffix = candidate.company ? ` at ${candidate.company}` : '';
  const position =
    candidate.headline && suffix && candidate.headline.endsWith(suffix)
      ? candidate.headline.slice(0, -suffix.length)
      : candidate.headline || null;
  return {
    id: candidate.id,
    createdAt: candidate.createdAt,
    updatedAt: state.updatedAt.get(candidate.id) ?? candidate.createdAt,
    name: candidate.name,
    primaryEmailAddress: emails[0] ?? null,
    emailAddresses: emails,
    primaryPhoneNumber: phones[0] ?? null,
    phoneNumbers: phones,
    socialLinks: [...(candidate.linkedInUrl ? [candidate.linkedInUrl] : []), ...candidate.links].map(socialLink),
    tags: [],
    position,
    company: candidate.company || null,
    school: null,
    applicationIds: data.applications.filter((each) => each.candidateId === candidate.id).map((each) => each.id),
    resumeFileHandle: resume ? { id: resume.id, name: resume.name, handle: resume.handle } : null,
    fileHandles: resume ? [{ id: resume.id, name: resume.name, handle: resume.handle }] : [],
    customFields: [],
    profileUrl: `${appOrigin}/candidates/${candidate.id}`,
    source: null,
    creditedToUser: creditedTo ? userPayload(creditedTo) : null,
    timezone: null,
    location: candidate.location ? locationPayload(candidate.location) : null,
    fraudStatus: null,
  };
}

const applicationStatuses = { active: 'Active', archived: 'Archived', hired: 'Hired' } as const;

function teamMember(user: User | undefined, role: string) {
  return user ? [{ userId: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email, role }] : [];
}

export function applicationPayload(application: Application, data: AtsData, state: AshbyState) {
  const candidate = data.candidates.find((each) => each.id === application.candidateId);
  const job = data.jobs.find((each) => each.id === application.jobId);
  const stage = data.stages.find((each) => each.id === application.stageId);
  const recruiter = data.users.find((each) => each.id === application.ownerId);
  const hiringManager = data.users.find((each) => each.id === job?.hiringManagerId);
  const updatedAt = state.updatedAt.get(application.id) ?? application.createdAt;
  return {
    id: application.id,
    createdAt: application.createdAt,
    updatedAt,
    status: applicationStatuses[application.status],
    customFields: [],
    candidate: {
      id: application.candidateId,
      name: candidate?.name ?? '',
      primaryEmailAddress: candidate?.email ? contact(candidate.email, true) : null,
      primaryPhoneNumber: candidate?.phone ? contact(candidate.phone, true) : null,
    },
    currentInterviewStage: stage ? stagePayload(stage, data) : null,
    source: application.source
      ? { id: stableId('source', application.source), title: application.source, isArchived: false }
      : null,
    archiveReason: null,
    archivedAt: application.status === 'archived' ? updatedAt : null,
    job: job
      ? {
          id: job.id,
          title: job.title,
          locationId: stableId('location', job.location),
          departmentId: stableId('department', job.department),
        }
      : null,
    creditedToUser: null,
    hiringTeam: [...teamMember(recruiter, 'Recruiter'), ...teamMember(hiringManager, 'Hiring Manager')],
    appliedViaJobPostingId: null,
  };
}

export function jobPayload(job: Job, data: AtsData) {
  const hiringManager = data.users.find((user) => user.id === job.hiringManagerId);
  return {
    id: job.id,
    title: job.title,
    confidential: false,
    status: job.status === 'open' ? 'Open' : 'Closed',
    employmentType: 'FullTime',
    locationId: stableId('location', job.location),
    departmentId: stableId('department', job.department),
    defaultInterviewPlanId: interviewPlanId,
    interviewPlanIds: [interviewPlanId],
    customFields: [],
    jobPostingIds: [],
    customRequisitionId: null,
    brandId: null,
    hiringTeam: teamMember(hiringManager, 'Hiring Manager'),
    author: null,
    createdAt: job.createdAt,
    updatedAt: job.createdAt,
    openedAt: job.createdAt,
    closedAt: job.status === 'closed' ? job.createdAt : null,
  };
}

export function notePayload(note: Note, data: AtsData, state: AshbyState) {
  const author = data.users.find((user) => user.id === note.authorId);
  return {
    id: note.id,
    createdAt: note.createdAt,
    isPrivate: false,
    content: state.noteHtml.get(note.id) ?? escapeHtml(note.body),
    author: author
      ? { id: author.id, firstName: author.firstName, lastName: author.lastName, email: author.email }
      : null,
  };
}

export function interviewPayload(interview: InterviewType) {
  return { ...interview };
}

export function interviewEventPayload(
  data: AtsData,
  state: AshbyState,
  schedule: InterviewSchedule,
  event: ScheduledEvent,
  expandInterview = false,
) {
  const times = data.interviews.find((each) => each.id === event.id);
  const interview = state.interviews.find((each) => each.id === event.interviewId);
  const interviewers = event.interviewers.flatMap(({ userId, isFeedbackRequired }) => {
    const user = data.users.find((each) => each.id === userId);
    // trainingRole and interviewerPool are null for a fully trained interviewer outside any pool (UNCONFIRMED).
    return user ? [{ ...userPayload(user), trainingRole: null, interviewerPool: null, isFeedbackRequired }] : [];
  });
  return {
    id: event.id,
    interviewId: event.interviewId,
    interviewScheduleId: schedule.id,
    interviewers,
    interviewerUserIds: interviewers.map((each) => each.id),
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
    startTime: times?.startAt ?? null,
    endTime: times?.endAt ?? null,
    feedbackLink: `${appOrigin}/interview-briefings/${event.id}/feedback`,
    location: event.location,
    meetingLink: event.meetingLink,
    interviewerCalendarEventId: null,
    hasSubmittedFeedback: state.feedback.some((each) => each.interviewEventId === event.id),
    ...(expandInterview && interview ? { interview: interviewPayload(interview) } : {}),
    ...(event.extraData ? { extraData: event.extraData } : {}),
  };
}

export function interviewSchedulePayload(data: AtsData, state: AshbyState, schedule: InterviewSchedule) {
  const scheduledBy = data.users.find((user) => user.id === schedule.scheduledById);
  return {
    id: schedule.id,
    status: schedule.status,
    applicationId: schedule.applicationId,
    interviewStageId: schedule.interviewStageId,
    scheduledBy: scheduledBy ? userPayload(scheduledBy) : null,
    createdAt: schedule.createdAt,
    updatedAt: schedule.updatedAt,
    interviewEvents: schedule.events.map((event) => interviewEventPayload(data, state, schedule, event)),
  };
}

export function applicationFeedbackPayload(data: AtsData, state: AshbyState, submission: FeedbackSubmission) {
  const form = state.forms.find((each) => each.id === submission.formDefinitionId);
  const user = data.users.find((each) => each.id === submission.userId);
  const event = submission.interviewEventId ? findEvent(state, submission.interviewEventId)?.event : undefined;
  return {
    id: submission.id,
    formDefinition: form?.formDefinition ?? { sections: [] },
    submittedValues: submission.submittedValues,
    submittedByUser: user ? userPayload(user) : null,
    interviewId: event?.interviewId ?? null,
    interviewEventId: submission.interviewEventId ?? null,
    feedbackFormDefinitionId: submission.formDefinitionId,
    // The sandbox keeps no application history to point into.
    applicationHistoryId: null,
    applicationId: submission.applicationId,
    submittedAt: submission.submittedAt,
  };
}
