import { useId, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LeverFeedbackConfig, LeverFeedbackPayload, LeverFormField } from '../definitions.ts';
import { readConfig, registerForm } from './feedback-bridge.ts';
import { SubmitFooter, useSandboxForm, type Values } from './use-sandbox-form.tsx';

type ScorecardEntry = { score: number | null; comment: string };

const thumbs = [
  { score: 1, label: 'Strong no', icon: '👎👎' },
  { score: 2, label: 'No', icon: '👎' },
  { score: 3, label: 'Yes', icon: '👍' },
  { score: 4, label: 'Strong yes', icon: '👍👍' },
];

function isEmpty(field: LeverFormField, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (field.type === 'multiple-select') return (value as string[]).length === 0;
  if (field.type === 'scorecard') {
    return (value as ScorecardEntry[]).every((entry) => entry.score === null && entry.comment.trim() === '');
  }
  return typeof value === 'string' && value.trim() === '';
}

/** Values typed as `fieldValues[].value` wants them (lever-api.md §5); unset fields are null. */
function apiValue(field: LeverFormField, value: unknown): unknown {
  if (isEmpty(field, value)) return null;
  if (field.type === 'date') return Date.parse(`${value as string}T00:00:00.000Z`);
  if (field.type === 'scorecard') {
    return (value as ScorecardEntry[]).map((entry) => ({ score: entry.score ?? 0, comment: entry.comment }));
  }
  return value;
}

function buildPayload(config: LeverFeedbackConfig, values: Values): LeverFeedbackPayload {
  return {
    baseTemplateId: config.template.id,
    panel: config.panelId,
    interview: config.interviewId,
    fieldValues: config.template.fields.map((field) => ({ id: field.id, value: apiValue(field, values[field.id]) })),
  };
}

interface FieldProps {
  field: LeverFormField;
  value: unknown;
  onChange: (value: unknown) => void;
  labelId: string;
  inputId: string;
  describedBy: string | undefined;
}

function Thumbs(props: { value: number | null; onChange: (score: number) => void; labelledBy: string }) {
  return (
    <div role="group" aria-labelledby={props.labelledBy} className="thumbs">
      {thumbs.map((thumb) => (
        <button
          key={thumb.score}
          type="button"
          aria-label={`${thumb.score} – ${thumb.label}`}
          title={thumb.label}
          aria-pressed={props.value === thumb.score}
          onClick={() => props.onChange(thumb.score)}
        >
          {thumb.icon}
        </button>
      ))}
    </div>
  );
}

function Choices(props: FieldProps & { multiple: boolean }) {
  const { field, value, onChange, labelId, multiple } = props;
  const selected = multiple ? ((value as string[] | undefined) ?? []) : [];
  return (
    <div role={multiple ? 'group' : 'radiogroup'} aria-labelledby={labelId} aria-describedby={props.describedBy}>
      {(field.options ?? []).map((option) => (
        <label key={option.text} className="choice">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={field.id}
            value={option.text}
            checked={multiple ? selected.includes(option.text) : value === option.text}
            onChange={(event) =>
              onChange(
                multiple
                  ? event.target.checked
                    ? [...selected, option.text]
                    : selected.filter((each) => each !== option.text)
                  : option.text,
              )
            }
          />
          {option.text}
        </label>
      ))}
    </div>
  );
}

function Scorecard({ field, value, onChange }: FieldProps) {
  const skills = field.scores ?? [];
  const entries = (value as ScorecardEntry[] | undefined) ?? skills.map(() => ({ score: null, comment: '' }));
  const update = (index: number, change: Partial<ScorecardEntry>) =>
    onChange(entries.map((entry, each) => (each === index ? { ...entry, ...change } : entry)));
  return (
    <table className="scorecard">
      <tbody>
        {skills.map((skill, index) => {
          const skillId = `${field.id}-skill-${index}`;
          return (
            <tr key={skill.text}>
              <th scope="row">
                <span id={skillId}>{skill.text}</span>
                <p className="description">{skill.description}</p>
              </th>
              <td>
                <Thumbs
                  value={entries[index]?.score ?? null}
                  onChange={(score) => update(index, { score })}
                  labelledBy={skillId}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`${skill.text} comment`}
                  placeholder="Comment"
                  value={entries[index]?.comment ?? ''}
                  onChange={(event) => update(index, { comment: event.target.value })}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Control(props: FieldProps): ReactNode {
  const { field, value, onChange, inputId, labelId, describedBy } = props;
  const text = typeof value === 'string' ? value : '';
  const common = { id: inputId, name: field.id, required: field.required, 'aria-describedby': describedBy };
  switch (field.type) {
    case 'score-system':
      return (
        <div role="group" aria-labelledby={labelId} aria-describedby={describedBy} className="rating">
          {(field.options ?? []).map((option) => (
            <button
              key={option.text}
              type="button"
              aria-pressed={value === option.text}
              onClick={() => onChange(option.text)}
            >
              {option.text}
            </button>
          ))}
        </div>
      );
    case 'score':
      return <Thumbs value={(value as number | undefined) ?? null} onChange={onChange} labelledBy={labelId} />;
    case 'scorecard':
      return <Scorecard {...props} />;
    case 'yes-no':
      return <Choices {...props} field={{ ...field, options: [{ text: 'yes' }, { text: 'no' }] }} multiple={false} />;
    case 'multiple-choice':
      return <Choices {...props} multiple={false} />;
    case 'multiple-select':
      return <Choices {...props} multiple />;
    case 'dropdown':
      return (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          <option value="">{field.prompt ?? 'Select one'}</option>
          {(field.options ?? []).map((option) => (
            <option key={option.text} value={option.text}>
              {option.text}
            </option>
          ))}
        </select>
      );
    case 'date':
      return <input type="date" {...common} value={text} onChange={(event) => onChange(event.target.value)} />;
    case 'textarea':
      return <textarea {...common} value={text} onChange={(event) => onChange(event.target.value)} />;
    default:
      return <input type="text" {...common} value={text} onChange={(event) => onChange(event.target.value)} />;
  }
}

/** Labels that point at one control use `<label for>`; groups are named by the label's id instead. */
const singleControlTypes = new Set(['text', 'textarea', 'dropdown', 'date', 'code']);

function Field(props: { field: LeverFormField; value: unknown; error?: string; onChange: (value: unknown) => void }) {
  const { field, error } = props;
  const labelId = useId();
  const inputId = useId();
  const describedBy =
    [field.description ? `${labelId}-description` : '', error ? `${labelId}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const labelText = field.text || (field.type === 'scorecard' ? 'Skills' : '');
  return (
    <div className="feedback-field" data-field-id={field.id} data-field-type={field.type}>
      {singleControlTypes.has(field.type) ? (
        <label id={labelId} htmlFor={inputId} className="field-label">
          {labelText}
          {field.required ? <span aria-hidden="true"> *</span> : null}
        </label>
      ) : (
        <div id={labelId} className="field-label">
          {labelText}
          {field.required ? <span aria-hidden="true"> *</span> : null}
        </div>
      )}
      {field.description ? (
        <p id={`${labelId}-description`} className="description">
          {field.description}
        </p>
      ) : null}
      <Control {...props} labelId={labelId} inputId={inputId} describedBy={describedBy} />
      {error ? (
        <p id={`${labelId}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function FeedbackForm({ config }: { config: LeverFeedbackConfig }) {
  const { values, setValues, errors, status, submit: send } = useSandboxForm(config, buildPayload);

  const submit = () =>
    send(
      Object.fromEntries(
        config.template.fields
          .filter((field) => field.required && isEmpty(field, values[field.id]))
          .map((field) => [field.id, 'This field is required']),
      ),
    );

  return (
    <form
      aria-label="Interview feedback"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{config.template.text}</h2>
      {config.template.instructions ? <p className="instructions">{config.template.instructions}</p> : null}
      {config.template.fields.map((field) => (
        <Field
          key={field.id}
          field={field}
          value={values[field.id]}
          error={errors[field.id]}
          onChange={(value) => setValues((current) => ({ ...current, [field.id]: value }))}
        />
      ))}
      <SubmitFooter label="Submit feedback" status={status} />
    </form>
  );
}

registerForm('lever-feedback', (root) => {
  createRoot(root).render(<FeedbackForm config={readConfig<LeverFeedbackConfig>(root)} />);
});
