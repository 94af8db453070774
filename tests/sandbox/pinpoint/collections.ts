import type { SandboxResponse } from '../http.ts';
import type { SandboxData } from '../store.ts';
import { isResponse, malformedQuery } from './errors.ts';
import { allComments, jobVisibility } from './resources.ts';
import { pinpointState } from './state.ts';

/**
 * The listable resources and their documented filters (pinpoint-api.md §3; `candidate_id` and `candidate_email` on
 * applications are from the newer docs). Unknown filters, sorts and page parameters are a 400, as Graphiti answers.
 */
type Filter = (data: SandboxData, id: string, values: string[]) => boolean;

interface Definition {
  type: string;
  records(data: SandboxData): Array<{ id: string; createdAt: string }>;
  filters: Record<string, Filter>;
  /** Applied when the filter is absent: confidential records stay hidden unless asked for. */
  defaults?: Record<string, string>;
  sorts?: string[];
}

export interface Collection {
  type: string;
  select(data: SandboxData, query: URLSearchParams): { ids: string[]; meta: Record<string, unknown> } | SandboxResponse;
  visible(data: SandboxData, query: URLSearchParams, id: string): boolean | SandboxResponse;
}

const defaultPageSize = 100;
const maxPageSize = 1000;
const baseSorts = ['id', 'created_at', 'updated_at'];
const timeFilters = new Set(['created_at', 'updated_at']);
const timeOperators: Record<string, (left: number, right: number) => boolean> = {
  gt: (left, right) => left > right,
  lt: (left, right) => left < right,
  gte: (left, right) => left >= right,
  lte: (left, right) => left <= right,
};
const everyVisibility = 'external,internal';

const lower = (value: string) => value.trim().toLowerCase();
const oneOf = (value: string | undefined, values: string[]) =>
  value !== undefined && values.map(lower).includes(lower(value));
const truth = (values: string[], actual: boolean) => values.some((value) => (value === 'true') === actual);

const definitions: Definition[] = [
  {
    type: 'users',
    records: (data) => data.pinpoint.users,
    filters: {
      email: (data, id, values) => oneOf(data.pinpoint.users.find((user) => user.id === id)?.email, values),
      // Sandbox users are all ATS users, none an onboarding employee.
      employee: (_data, _id, values) => truth(values, false),
    },
  },
  {
    type: 'jobs',
    records: (data) => data.pinpoint.jobs,
    filters: {
      status: (data, id, values) => oneOf(data.pinpoint.jobs.find((job) => job.id === id)?.status, values),
      visibility: (data, id, values) => {
        const job = data.pinpoint.jobs.find((each) => each.id === id);
        return job !== undefined && oneOf(jobVisibility(pinpointState(data), job), values);
      },
      department_id: (data, id, values) => {
        const job = data.pinpoint.jobs.find((each) => each.id === id);
        const departments = [...new Set(data.pinpoint.jobs.map((each) => each.department))];
        return job !== undefined && values.includes(String(6101 + departments.indexOf(job.department)));
      },
      location_id: (data, id, values) => {
        const job = data.pinpoint.jobs.find((each) => each.id === id);
        const locations = [...new Set(data.pinpoint.jobs.map((each) => each.location))];
        return job !== undefined && values.includes(String(6201 + locations.indexOf(job.location)));
      },
      search: (data, id, values) =>
        values.some((value) =>
          lower(data.pinpoint.jobs.find((job) => job.id === id)?.title ?? '').includes(lower(value)),
        ),
    },
    defaults: { visibility: everyVisibility },
    sorts: ['opened_at'],
  },
  {
    type: 'applications',
    records: (data) => data.pinpoint.applications,
    filters: {
      job_id: (data, id, values) => values.includes(application(data, id)?.jobId ?? ''),
      stage_id: (data, id, values) => values.includes(application(data, id)?.stageId ?? ''),
      stage_basic_type: (data, id, values) => {
        const stageId = application(data, id)?.stageId;
        return oneOf(data.pinpoint.stages.find((stage) => stage.id === stageId)?.type, values);
      },
      candidate_id: (data, id, values) => values.includes(application(data, id)?.candidateId ?? ''),
      // One address per call: a comma is part of no email, so the whole value is compared.
      candidate_email: (data, id, values) => {
        const candidateId = application(data, id)?.candidateId;
        const email = data.pinpoint.candidates.find((candidate) => candidate.id === candidateId)?.email;
        return email !== undefined && lower(email) === lower(values.join(','));
      },
      job_visibility: (data, id, values) => {
        const job = data.pinpoint.jobs.find((each) => each.id === application(data, id)?.jobId);
        return job !== undefined && oneOf(jobVisibility(pinpointState(data), job), values);
      },
      internal_candidate: (_data, _id, values) => truth(values, false),
    },
    defaults: { job_visibility: everyVisibility },
  },
  {
    type: 'candidates',
    records: (data) => data.pinpoint.candidates,
    filters: {
      phone: (data, id, values) =>
        values.includes(data.pinpoint.candidates.find((candidate) => candidate.id === id)?.phone ?? ''),
      blocked: (_data, _id, values) => truth(values, false),
      external_system_reference: () => false,
    },
  },
  {
    type: 'comments',
    records: (data) =>
      allComments(data.pinpoint, pinpointState(data)).map(({ note }) => ({ id: note.id, createdAt: note.createdAt })),
    filters: {
      commentable_type: (_data, _id, values) => values.includes('Application'),
      commentable_id: (data, id, values) =>
        values.includes(
          allComments(data.pinpoint, pinpointState(data)).find((each) => each.note.id === id)?.applicationId ?? '',
        ),
    },
  },
];

function application(data: SandboxData, id: string) {
  return data.pinpoint.applications.find((each) => each.id === id);
}

interface ParsedQuery {
  filters: Array<{ name: string; operator?: string; values: string[] }>;
  sort: Array<{ field: string; descending: boolean }>;
  pageNumber: number;
  pageSize: number;
  statsTotal: boolean;
}

function parseQuery(definition: Definition, query: URLSearchParams): ParsedQuery | SandboxResponse {
  const parsed: ParsedQuery = { filters: [], sort: [], pageNumber: 1, pageSize: defaultPageSize, statsTotal: false };
  for (const [name, value] of query) {
    const filter = /^filter\[([a-z_]+)\](?:\[([a-z]+)\])?$/.exec(name);
    if (filter?.[1]) {
      const [, field, operator] = filter;
      if (operator === undefined && definition.filters[field]) {
        parsed.filters.push({ name: field, values: value.split(',').map((each) => each.trim()) });
      } else if (operator !== undefined && timeFilters.has(field) && timeOperators[operator]) {
        if (Number.isNaN(Date.parse(value))) return malformedQuery(name);
        parsed.filters.push({ name: field, operator, values: [value] });
      } else {
        return malformedQuery(name);
      }
    } else if (name === 'sort') {
      for (const each of value.split(',')) {
        const field = each.replace(/^-/, '');
        if (![...baseSorts, ...(definition.sorts ?? [])].includes(field)) return malformedQuery('sort');
        parsed.sort.push({ field, descending: each.startsWith('-') });
      }
    } else if (name === 'page[number]' || name === 'page[size]') {
      if (!/^\d+$/.test(value)) return malformedQuery(name);
      const number = Number(value);
      if (name === 'page[number]') {
        if (number < 1) return malformedQuery(name);
        parsed.pageNumber = number;
      } else {
        if (number > maxPageSize) return malformedQuery(name);
        parsed.pageSize = number;
      }
    } else if (name.startsWith('page[') || name.startsWith('filter')) {
      return malformedQuery(name);
    } else if (name === 'stats[total]') {
      if (value !== 'count') return malformedQuery(name);
      parsed.statsTotal = true;
    }
    // include is read by the router; fields[…], extra_fields[…] and unknown parameters are ignored, as Graphiti does.
  }
  for (const [name, value] of Object.entries(definition.defaults ?? {})) {
    if (!parsed.filters.some((filter) => filter.name === name)) parsed.filters.push({ name, values: value.split(',') });
  }
  return parsed;
}

function passes(
  definition: Definition,
  data: SandboxData,
  record: { id: string; createdAt: string },
  query: ParsedQuery,
): boolean {
  return query.filters.every((filter) => {
    if (filter.operator) {
      // Records never change time in the sandbox store, so updated_at is created_at.
      const compare = timeOperators[filter.operator];
      return compare !== undefined && compare(Date.parse(record.createdAt), Date.parse(filter.values[0] ?? ''));
    }
    return definition.filters[filter.name]?.(data, record.id, filter.values) ?? false;
  });
}

function compareBy(sort: ParsedQuery['sort']) {
  const keys = sort.length > 0 ? sort : [{ field: 'id', descending: false }];
  return (left: { id: string; createdAt: string }, right: { id: string; createdAt: string }) => {
    for (const { field, descending } of keys) {
      const order = field === 'id' ? Number(left.id) - Number(right.id) : left.createdAt.localeCompare(right.createdAt);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}

function build(definition: Definition): Collection {
  return {
    type: definition.type,
    select(data, query) {
      const parsed = parseQuery(definition, query);
      if (isResponse(parsed)) return parsed;
      const matching = definition
        .records(data)
        .filter((record) => passes(definition, data, record, parsed))
        .sort(compareBy(parsed.sort));
      const start = (parsed.pageNumber - 1) * parsed.pageSize;
      return {
        ids: matching.slice(start, start + parsed.pageSize).map((record) => record.id),
        meta: parsed.statsTotal ? { stats: { total: { count: matching.length } } } : {},
      };
    },
    visible(data, query, id) {
      const parsed = parseQuery(definition, query);
      if (isResponse(parsed)) return parsed;
      const record = definition.records(data).find((each) => each.id === id);
      return record !== undefined && passes(definition, data, record, parsed);
    },
  };
}

export const collections: Record<string, Collection> = Object.fromEntries(
  definitions.map((definition) => [definition.type, build(definition)]),
);
