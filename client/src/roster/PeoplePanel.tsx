// The roster's people: find by name, pinyin initials, community or town; add
// and edit one; import a sheet with each bad row told by its row number;
// export to Excel.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf } from '../ui/text.ts';
import {
  addPerson,
  editPerson,
  type ImportAnswer,
  importRoster,
  listPeople,
  type Person,
  type PersonFields,
  refusalText,
} from './api.ts';

const FIELDS = ['name', 'community', 'town', 'position', 'phone', 'note'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const EMPTY: Draft = { name: '', community: '', town: '', position: '', phone: '', note: '' };

const draftOf = (p: Person): Draft => ({ ...EMPTY, ...p, phone: p.phone ?? '' });

export function PeoplePanel({ onChange }: { onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<Person[] | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportAnswer | null>(null);
  const [importing, setImporting] = useState(false);

  const reload = useCallback(() => {
    listPeople(query)
      .then(setPeople)
      .catch((e) => setError(refusalText(t, e)));
  }, [query, t]);
  useEffect(reload, [reload]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    setError(null);
    const fields: Partial<PersonFields> = { ...editing.draft, phone: editing.draft.phone || undefined };
    try {
      if (editing.id) await editPerson(editing.id, fields);
      else await addPerson(fields);
      setEditing(null);
      reload();
      onChange();
    } catch (e) {
      setError(refusalText(t, e));
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setImporting(true);
    setError(null);
    setImported(null);
    try {
      setImported(await importRoster(file));
      reload();
      onChange();
    } catch (e) {
      setError(refusalText(t, e));
    } finally {
      setImporting(false);
    }
  };

  return (
    <section aria-labelledby="roster-people-heading" className="roster-panel">
      <h2 id="roster-people-heading">{t('roster.screen.people')}</h2>
      <div className="roster-bar">
        <label>
          <span>{t('roster.people.filter')}</span>
          <input
            type="search"
            data-testid="roster-filter"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby="roster-filter-hint"
          />
          <small id="roster-filter-hint" className="hint">
            {t('roster.people.filterHint')}
          </small>
        </label>
        <button type="button" onClick={() => setEditing({ id: null, draft: EMPTY })} data-testid="roster-add">
          {t('roster.people.add')}
        </button>
        <a href={`/api/people/export.xlsx?lang=${langOf(i18n.language)}`} download>
          {t('roster.people.export')}
        </a>
      </div>

      <details className="roster-import">
        <summary>{t('roster.people.importHeading')}</summary>
        <p className="hint">{t('roster.people.importHint')}</p>
        <label>
          <span>{t('roster.people.importFile')}</span>
          <input
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="roster-import-file"
            disabled={importing}
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </label>
        {importing && <p role="status">{t('roster.people.importing')}</p>}
        {imported && (
          <div role="status" data-testid="roster-import-result">
            <p>{t('roster.people.imported', { count: imported.imported.length })}</p>
            {imported.problems.length > 0 && (
              <>
                <p>{t('roster.people.problemsHeading')}</p>
                <ul data-testid="roster-import-problems">
                  {imported.problems.map((p) =>
                    p.kind === 'no_header' ? null : (
                      <li key={`${p.row}-${p.kind}`}>
                        {t(`roster.people.problem.${p.kind}`, {
                          ...p,
                          field: 'field' in p ? t(`roster.fields.${p.field}`) : '',
                        })}
                      </li>
                    ),
                  )}
                </ul>
              </>
            )}
          </div>
        )}
      </details>

      {error && (
        <p className="fac-error" role="alert">
          {error}
        </p>
      )}

      {editing && (
        <form
          className="roster-form stack"
          onSubmit={save}
          aria-label={
            editing.id ? t('roster.people.editing', { name: editing.draft.name }) : t('roster.people.add')
          }
        >
          {FIELDS.map((field) => (
            <label key={field}>
              <span>{t(`roster.fields.${field}`)}</span>
              <input
                data-testid={`roster-field-${field}`}
                value={editing.draft[field]}
                required={field === 'name'}
                onChange={(e) =>
                  setEditing({ ...editing, draft: { ...editing.draft, [field]: e.target.value } })
                }
              />
            </label>
          ))}
          <div className="row">
            <button type="submit" className="primary" data-testid="roster-save">
              {t('roster.people.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('roster.people.cancel')}
            </button>
          </div>
        </form>
      )}

      {people && people.length === 0 && !query && <p>{t('roster.people.none')}</p>}
      {people && people.length > 0 && (
        <>
          <p className="hint">{t('roster.people.count', { count: people.length })}</p>
          <table className="roster-table" data-testid="roster-table">
            <thead>
              <tr>
                {FIELDS.slice(0, 5).map((f) => (
                  <th key={f}>{t(`roster.fields.${f}`)}</th>
                ))}
                <th>{t('roster.people.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.community}</td>
                  <td>{p.town}</td>
                  <td>{p.position}</td>
                  <td>{p.phone}</td>
                  <td>
                    <button type="button" onClick={() => setEditing({ id: p.id, draft: draftOf(p) })}>
                      {t('roster.people.edit')}
                      <span className="visually-hidden"> {p.name}</span>
                    </button>{' '}
                    <a className="button" href={`/people/${encodeURIComponent(p.id)}`}>
                      {t('roster.people.portfolio')}
                      <span className="visually-hidden"> {p.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
