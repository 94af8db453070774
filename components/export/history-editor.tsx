import type { ProfileEducation, ProfileExperience } from '@/lib/core/profile';

function replaceAt<Item>(items: Item[], index: number, item: Item): Item[] {
  return items.map((each, position) => (position === index ? item : each));
}

/** Every role read from the profile, correctable before export (grouped roles arrive as one row each). */
export function RolesEditor({
  roles,
  onChange,
}: {
  roles: ProfileExperience[];
  onChange: (roles: ProfileExperience[]) => void;
}) {
  return (
    <details className="history" data-testid="roles-editor">
      <summary>Experience ({roles.length})</summary>
      {roles.map((role, index) => (
        <fieldset key={index} className="history-row" data-testid="role-row">
          <input
            aria-label="Title"
            value={role.title}
            onChange={(event) => onChange(replaceAt(roles, index, { ...role, title: event.target.value }))}
          />
          <input
            aria-label="Company"
            value={role.company}
            onChange={(event) => onChange(replaceAt(roles, index, { ...role, company: event.target.value }))}
          />
          <span className="history-dates">
            <input
              aria-label="Start"
              value={role.start ?? ''}
              onChange={(event) => onChange(replaceAt(roles, index, { ...role, start: event.target.value }))}
            />
            <input
              aria-label="End"
              value={role.current ? 'Present' : (role.end ?? '')}
              onChange={(event) => {
                const end = event.target.value;
                const current = end.trim().toLowerCase() === 'present';
                onChange(replaceAt(roles, index, { ...role, current, ...(current ? { end: undefined } : { end }) }));
              }}
            />
          </span>
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={`Remove ${role.title} at ${role.company}`}
            onClick={() => onChange(roles.filter((_role, position) => position !== index))}
          >
            Remove
          </button>
        </fieldset>
      ))}
    </details>
  );
}

export function SchoolsEditor({
  schools,
  onChange,
}: {
  schools: ProfileEducation[];
  onChange: (schools: ProfileEducation[]) => void;
}) {
  return (
    <details className="history" data-testid="schools-editor">
      <summary>Education ({schools.length})</summary>
      {schools.map((school, index) => (
        <fieldset key={index} className="history-row">
          <input
            aria-label="School"
            value={school.school}
            onChange={(event) => onChange(replaceAt(schools, index, { ...school, school: event.target.value }))}
          />
          <input
            aria-label="Degree"
            value={school.degree ?? ''}
            onChange={(event) => onChange(replaceAt(schools, index, { ...school, degree: event.target.value }))}
          />
          <input
            aria-label="Field"
            value={school.field ?? ''}
            onChange={(event) => onChange(replaceAt(schools, index, { ...school, field: event.target.value }))}
          />
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={`Remove ${school.school}`}
            onClick={() => onChange(schools.filter((_school, position) => position !== index))}
          >
            Remove
          </button>
        </fieldset>
      ))}
    </details>
  );
}
