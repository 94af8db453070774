import { Plugin } from '@tiptap/pm/state';
import { EditorContent, Extension, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AshbyFeedbackConfig, AshbyFeedbackPayload, AshbyFormField } from '../definitions.ts';
import { readConfig, registerForm } from './feedback-bridge.ts';
import { SubmitFooter, useSandboxForm, type Values } from './use-sandbox-form.tsx';

const userInputEvents = ['keydown', 'beforeinput', 'input', 'paste', 'drop', 'compositionend', 'cut'];
const userInputWindowMilliseconds = 100;

/**
 * Plain ProseMirror reads any DOM mutation back into its state, but public notes on Ashby's feedback page say direct
 * DOM writes to its editors do not persist. This guard models that: a document change counts only right after an
 * input-type event on the editor (typing, execCommand('insertText'), paste, drop), so `innerHTML` writes are ignored.
 */
const OnlyUserInput = Extension.create({
  name: 'onlyUserInput',
  addProseMirrorPlugins() {
    let lastInput = -Infinity;
    return [
      new Plugin({
        view(view) {
          const mark = () => {
            lastInput = performance.now();
          };
          for (const type of userInputEvents) view.dom.addEventListener(type, mark, true);
          return {
            destroy: () => {
              for (const type of userInputEvents) view.dom.removeEventListener(type, mark, true);
            },
          };
        },
        filterTransaction: (transaction) =>
          !transaction.docChanged || performance.now() - lastInput < userInputWindowMilliseconds,
      }),
    ];
  },
});

const scoreLabels = ['Strong No', 'No', 'Yes', 'Strong Yes'];

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Values as `applicationFeedback.submit` takes them (ashby-api.md §9); empty fields are left out, as the app does. */
function buildPayload(config: AshbyFeedbackConfig, values: Values): AshbyFeedbackPayload {
  const fieldSubmissions = config.sections
    .flatMap((section) => section.fields)
    .filter(({ field }) => !isEmpty(values[field.path]))
    .map(({ field }) => {
      const value = values[field.path];
      if (field.type === 'Score') return { path: field.path, value: { score: value } };
      if (field.type === 'RichText') return { path: field.path, value: { type: 'PlainText', value } };
      return { path: field.path, value };
    });
  return {
    formDefinitionId: config.formDefinitionId,
    applicationId: config.applicationId,
    interviewEventId: config.interviewEventId,
    userId: config.userId,
    feedbackForm: { fieldSubmissions },
  };
}

interface FieldProps {
  definition: AshbyFormField;
  value: unknown;
  error: string | undefined;
  onChange: (value: unknown) => void;
  /** Render-order number of this field's first radio, so ids read `labeled-radio-input-<N>` across the whole form. */
  firstRadio: number;
}

function FieldFrame(props: {
  definition: AshbyFormField;
  labelId: string;
  inputId?: string;
  error?: string;
  children: ReactNode;
}) {
  const { definition, labelId, inputId, error, children } = props;
  const { field } = definition;
  const label = (
    <>
      {field.title}
      {definition.isRequired ? (
        <span className="required-marker" aria-hidden="true">
          {' *'}
        </span>
      ) : null}
    </>
  );
  return (
    <div className="feedback-field" data-field-path={field.path} data-field-type={field.type}>
      {inputId ? (
        <label id={labelId} htmlFor={inputId} className="field-label">
          {label}
        </label>
      ) : (
        <div id={labelId} className="field-label">
          {label}
        </div>
      )}
      {definition.descriptionPlain ? (
        <p id={`${labelId}-help`} className="help-text">
          {definition.descriptionPlain}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${labelId}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(definition: AshbyFormField, labelId: string, error: string | undefined): string | undefined {
  const ids = [definition.descriptionPlain ? `${labelId}-help` : '', error ? `${labelId}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function ScoreField({ definition, value, error, onChange, firstRadio }: FieldProps) {
  const labelId = useId();
  return (
    <FieldFrame definition={definition} labelId={labelId} error={error}>
      <div
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={describedBy(definition, labelId, error)}
        aria-required={definition.isRequired}
        aria-invalid={error ? true : undefined}
        className="score-scale"
      >
        {scoreLabels.map((text, index) => {
          const score = index + 1;
          const id = `labeled-radio-input-${firstRadio + index}`;
          return (
            <span key={score} className="score-option">
              <input
                type="radio"
                id={id}
                name={definition.field.path}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
              />
              <label htmlFor={id}>{`${score} ${text}`}</label>
            </span>
          );
        })}
      </div>
    </FieldFrame>
  );
}

function RichTextField({ definition, error, onChange }: FieldProps) {
  const labelId = useId();
  const editor = useEditor({
    extensions: [StarterKit, OnlyUserInput],
    content: '',
    immediatelyRender: true,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy(definition, labelId, undefined) ? { 'aria-describedby': `${labelId}-help` } : {}),
      },
    },
    // ProseMirror's document is the truth: DOM edits that bypass its transactions never get here.
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? '' : current.getText({ blockSeparator: '\n\n' })),
  });
  return (
    <FieldFrame definition={definition} labelId={labelId} error={error}>
      <div className={error ? 'rich-text invalid' : 'rich-text'}>
        <EditorContent editor={editor} />
      </div>
    </FieldFrame>
  );
}

function SelectField({ definition, value, error, onChange }: FieldProps) {
  const labelId = useId();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const options = definition.field.selectableValues ?? [];
  const selected = options.find((option) => option.value === value);

  useEffect(() => {
    if (!open) return;
    list.current?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const choose = (index: number) => {
    const option = options[index];
    if (option) onChange(option.value);
    setOpen(false);
  };
  const onListKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, options.length - 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
    else if (event.key === 'Enter' || event.key === ' ') choose(active);
    else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
  };

  return (
    <FieldFrame definition={definition} labelId={labelId} error={error}>
      <div className="select" ref={container}>
        <button
          type="button"
          aria-haspopup="listbox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-labelledby={labelId}
          aria-describedby={describedBy(definition, labelId, error)}
          aria-invalid={error ? true : undefined}
          className="select-trigger"
          onClick={() => {
            setActive(Math.max(0, options.indexOf(selected ?? options[0]!)));
            setOpen((current) => !current);
          }}
        >
          {selected ? selected.label : 'Select…'}
        </button>
        {open ? (
          <ul
            id={listId}
            role="listbox"
            tabIndex={-1}
            ref={list}
            aria-labelledby={labelId}
            aria-activedescendant={`${listId}-${active}`}
            className="select-popup"
            onKeyDown={onListKey}
          >
            {options.map((option, index) => (
              <li
                key={option.value}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={option.value === value}
                className={index === active ? 'option active' : 'option'}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(index)}
              >
                {option.label}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </FieldFrame>
  );
}

function BooleanField({ definition, value, error, onChange }: FieldProps) {
  const labelId = useId();
  return (
    <FieldFrame definition={definition} labelId={labelId} error={error}>
      <div
        role="group"
        aria-labelledby={labelId}
        aria-describedby={describedBy(definition, labelId, error)}
        className="toggle-pair"
      >
        <button type="button" aria-pressed={value === true} onClick={() => onChange(true)}>
          Yes
        </button>
        <button type="button" aria-pressed={value === false} onClick={() => onChange(false)}>
          No
        </button>
      </div>
    </FieldFrame>
  );
}

function TextField({ definition, value, error, onChange }: FieldProps) {
  const labelId = useId();
  const inputId = useId();
  const common = {
    id: inputId,
    name: definition.field.path,
    value: typeof value === 'string' ? value : '',
    required: definition.isRequired,
    'aria-describedby': describedBy(definition, labelId, error),
    'aria-invalid': error ? true : undefined,
  };
  return (
    <FieldFrame definition={definition} labelId={labelId} inputId={inputId} error={error}>
      {definition.field.type === 'LongText' ? (
        <textarea {...common} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input type="text" {...common} onChange={(event) => onChange(event.target.value)} />
      )}
    </FieldFrame>
  );
}

const fieldComponents: Record<AshbyFormField['field']['type'], (props: FieldProps) => ReactNode> = {
  Score: ScoreField,
  RichText: RichTextField,
  ValueSelect: SelectField,
  Boolean: BooleanField,
  String: TextField,
  LongText: TextField,
};

function FeedbackForm({ config }: { config: AshbyFeedbackConfig }) {
  const { values, setValues, errors, setErrors, status, submit: send } = useSandboxForm(config, buildPayload);

  const fields = config.sections.flatMap((section) => section.fields);
  const setValue = (path: string, value: unknown) => {
    setValues((current) => ({ ...current, [path]: value }));
    setErrors((current) => {
      if (!current[path]) return current;
      const { [path]: _cleared, ...rest } = current;
      return rest;
    });
  };

  const submit = () =>
    send(
      Object.fromEntries(
        fields
          .filter((definition) => definition.isRequired && isEmpty(values[definition.field.path]))
          .map(({ field }) => [field.path, `${field.title} is required`]),
      ),
    );

  // Ids count radios in render order across the whole form, as Ashby's do.
  const firstRadios = Object.fromEntries(
    fields.map((definition, index) => [
      definition.field.path,
      fields.slice(0, index).filter((each) => each.field.type === 'Score').length * scoreLabels.length,
    ]),
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
      <h2>{config.title}</h2>
      {config.sections.map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h3>{section.title}</h3>
          {section.fields.map((definition) => {
            const Field = fieldComponents[definition.field.type];
            return (
              <Field
                key={definition.field.path}
                definition={definition}
                value={values[definition.field.path]}
                error={errors[definition.field.path]}
                onChange={(value) => setValue(definition.field.path, value)}
                firstRadio={firstRadios[definition.field.path] ?? 0}
              />
            );
          })}
        </section>
      ))}
      {Object.keys(errors).length > 0 ? <p role="alert">Please fill in the required fields.</p> : null}
      <SubmitFooter label="Submit" status={status} />
    </form>
  );
}

registerForm('ashby-feedback', (root) => {
  createRoot(root).render(<FeedbackForm config={readConfig<AshbyFeedbackConfig>(root)} />);
});
