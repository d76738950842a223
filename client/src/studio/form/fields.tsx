// The form's fields. Each reads its value from the YAML as data and writes
// through the edit model (shared/studio/yaml-edit.ts), so the text changes
// only where the field is; each shows the live check's issues on its path.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldKey, issuesOn } from '../../../../shared/studio/form-model.ts';
import { type StudioPath, setText } from '../../../../shared/studio/yaml-edit.ts';
import { AddEntry, RemoveEntry } from './entry-buttons.tsx';
import { useForm } from './form-context.ts';

/** Where links (errors, findings) land: the field's element, named by its path. */
export const fieldAnchor = (path: StudioPath) => ({ 'data-field': fieldKey(path) });

export function FieldIssues({ path, exact = false }: { path: StudioPath; exact?: boolean }) {
  const { issues } = useForm();
  const key = fieldKey(path);
  const shown = exact ? issues.filter((i) => i.path === key) : issuesOn(issues, path);
  if (shown.length === 0) return null;
  return (
    <ul className="field-issues" role="alert">
      {shown.map((i) => (
        <li key={`${i.code}:${i.path}:${i.line}:${i.column}`} data-code={i.code}>
          {i.message}
        </li>
      ))}
    </ul>
  );
}

/** A Text: Chinese and English side by side. */
export function TextField({
  path,
  label,
  multiline = false,
  optional = false,
}: {
  path: StudioPath;
  label: string;
  multiline?: boolean;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm();
  const value = form.get(path);
  const of = (lang: 'zh' | 'en') =>
    typeof value === 'string'
      ? value
      : value && typeof value === 'object'
        ? String((value as Record<string, unknown>)[lang] ?? '')
        : '';
  const write = (lang: 'zh' | 'en', next: string) => {
    if (optional && next === '' && of(lang === 'zh' ? 'en' : 'zh') === '') form.remove(path);
    else form.edit((s) => setText(s, path, lang, next));
  };
  return (
    <fieldset className="text-field" {...fieldAnchor(path)}>
      <legend>{label}</legend>
      <div className="text-pair">
        {(['zh', 'en'] as const).map((lang) => (
          <div key={lang} lang={lang} className="lang-cell">
            <span className="lang" aria-hidden="true">
              {t(`studioForm.lang.${lang}`)}
            </span>
            {multiline ? (
              <textarea
                value={of(lang)}
                readOnly={form.readOnly}
                aria-label={`${label} · ${t(`studioForm.lang.${lang}`)}`}
                rows={3}
                onChange={(e) => write(lang, e.target.value)}
              />
            ) : (
              <input
                value={of(lang)}
                readOnly={form.readOnly}
                aria-label={`${label} · ${t(`studioForm.lang.${lang}`)}`}
                onChange={(e) => write(lang, e.target.value)}
              />
            )}
          </div>
        ))}
      </div>
      <FieldIssues path={path} />
    </fieldset>
  );
}

/** A list of Texts (goals, secrets, asks, questions…), each removable, one more at the end. */
export function TextListField({ path, label, min = 0 }: { path: StudioPath; label: string; min?: number }) {
  const { t } = useTranslation();
  const form = useForm();
  const items = (form.get(path) as unknown[] | undefined) ?? [];
  return (
    <fieldset className="list-field" {...fieldAnchor(path)}>
      <legend>{label}</legend>
      {items.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries are addressed by place, as in the YAML
        <div key={i} className="list-entry">
          <TextField path={[...path, i]} label={`${label} ${i + 1}`} />
          <RemoveEntry path={[...path, i]} keep={items.length <= min} />
        </div>
      ))}
      <AddEntry
        path={path}
        label={t('studioForm.add')}
        make={() => ({ zh: '', en: '' })}
        small
        ariaLabel={t('studioForm.addTo', { what: label })}
      />
      <FieldIssues path={path} exact />
    </fieldset>
  );
}

/** A short value: an id, a duration, a number. Empty removes an optional key. */
export function ValueField({
  path,
  label,
  hint,
  number = false,
  optional = true,
}: {
  path: StudioPath;
  label: string;
  hint?: string;
  number?: boolean;
  optional?: boolean;
}) {
  const form = useForm();
  const value = form.get(path);
  return (
    <label className="value-field" {...fieldAnchor(path)}>
      <span>{label}</span>
      <input
        value={value === undefined || value === null ? '' : String(value)}
        readOnly={form.readOnly}
        inputMode={number ? 'decimal' : undefined}
        onChange={(e) => {
          const raw = e.target.value;
          if (raw === '' && optional) return form.set(path, undefined);
          const n = Number(raw);
          // A duration may be seconds (a number) or "2m"; a number field keeps digits as a number.
          form.set(path, (number || /^\d+$/.test(raw)) && raw.trim() !== '' && Number.isFinite(n) ? n : raw);
        }}
      />
      {hint && <small className="hint">{hint}</small>}
      <FieldIssues path={path} />
    </label>
  );
}

export function CheckField({ path, label }: { path: StudioPath; label: string }) {
  const form = useForm();
  return (
    <label className="check-field" {...fieldAnchor(path)}>
      <input
        type="checkbox"
        checked={form.get(path) === true}
        disabled={form.readOnly}
        onChange={(e) => form.set(path, e.target.checked ? true : undefined)}
      />{' '}
      {label}
      <FieldIssues path={path} exact />
    </label>
  );
}

export function SelectField({
  path,
  label,
  options,
  optional = true,
  onSelect,
}: {
  path: StudioPath;
  label: string;
  options: { value: string; label: string }[];
  optional?: boolean;
  onSelect?(value: string): void;
}) {
  const { t } = useTranslation();
  const form = useForm();
  const value = form.get(path);
  return (
    <label className="value-field" {...fieldAnchor(path)}>
      <span>{label}</span>
      <select
        value={typeof value === 'string' ? value : ''}
        disabled={form.readOnly}
        onChange={(e) => {
          if (onSelect) return onSelect(e.target.value);
          form.set(path, e.target.value === '' ? undefined : e.target.value);
        }}
      >
        {optional && <option value="">{t('studioForm.default')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldIssues path={path} exact />
    </label>
  );
}

/** Which roles: one checkbox per role id (speakers, answerers, eligible voters, audiences). */
export function RolePicker({
  path,
  label,
  roles,
}: {
  path: StudioPath;
  label: string;
  roles: { id: string; name: string }[];
}) {
  const form = useForm();
  const value = form.get(path);
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen, id] : chosen.filter((c) => c !== id);
    form.set(path, next.length > 0 ? next : undefined);
  };
  const unknown = chosen.filter((c) => !roles.some((r) => r.id === c));
  return (
    <fieldset className="role-picker" {...fieldAnchor(path)}>
      <legend>{label}</legend>
      {[...roles, ...unknown.map((id) => ({ id, name: id }))].map((r) => (
        <label key={r.id} className="check-field">
          <input
            type="checkbox"
            checked={chosen.includes(r.id)}
            disabled={form.readOnly}
            onChange={(e) => toggle(r.id, e.target.checked)}
          />{' '}
          {r.name}
        </label>
      ))}
      <FieldIssues path={path} />
    </fieldset>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={`form-${id}`}>
      <h3 id={`form-${id}`}>{title}</h3>
      {children}
    </section>
  );
}
