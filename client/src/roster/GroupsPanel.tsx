// Courses and cohorts: make and rename them, choose a cohort's trainees,
// print its badges. Deleting one that sessions use is refused by the server,
// and the reason is shown as it says it.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addCohort,
  addCourse,
  type Cohort,
  type Course,
  deleteCohort,
  deleteCourse,
  editCohort,
  listCohorts,
  listCourses,
  listPeople,
  type Person,
  refusalText,
  renameCourse,
  setMembers,
} from './api.ts';

export function GroupsPanel({ version }: { version: number }) {
  const { t } = useTranslation();
  const [courses, setCourses] = useState<Course[]>([]);
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [courseName, setCourseName] = useState('');
  const [cohortName, setCohortName] = useState('');
  const [cohortCourse, setCohortCourse] = useState('');
  const [members, setMembersDraft] = useState<{ cohortId: string; ids: Set<string> } | null>(null);

  const reload = useCallback(() => {
    Promise.all([listCourses(), listCohorts(), listPeople()])
      .then(([c, h, p]) => {
        setCourses(c);
        setCohorts(h);
        setPeople(p);
      })
      .catch((e) => setError(refusalText(t, e)));
  }, [t]);
  useEffect(() => {
    if (version >= 0) reload();
  }, [reload, version]);

  const act = async (change: () => Promise<unknown>) => {
    setError(null);
    try {
      await change();
      reload();
      return true;
    } catch (e) {
      setError(refusalText(t, e));
      return false;
    }
  };
  const rename = (current: string, apply: (name: string) => Promise<unknown>) => {
    const name = prompt(t('roster.groups.renameTo'), current)?.trim();
    if (name && name !== current) void act(() => apply(name));
  };
  const submitCourse = async (e: FormEvent) => {
    e.preventDefault();
    if (courseName.trim() && (await act(() => addCourse(courseName.trim())))) setCourseName('');
  };
  const submitCohort = async (e: FormEvent) => {
    e.preventDefault();
    if (cohortName.trim() && (await act(() => addCohort(cohortName.trim(), cohortCourse || null))))
      setCohortName('');
  };
  const courseName_ = (id: string | null) => courses.find((c) => c.id === id)?.name;

  return (
    <section aria-labelledby="roster-groups-heading" className="roster-panel">
      <h2 id="roster-groups-heading">{t('roster.screen.groups')}</h2>
      {error && (
        <p className="fac-error" role="alert" data-testid="groups-error">
          {error}
        </p>
      )}
      <h3>{t('roster.groups.courses')}</h3>
      <form className="roster-bar" onSubmit={submitCourse}>
        <label>
          <span>{t('roster.groups.courseName')}</span>
          <input
            data-testid="course-name"
            value={courseName}
            onChange={(e) => setCourseName(e.target.value)}
          />
        </label>
        <button type="submit" data-testid="course-add">
          {t('roster.groups.addCourse')}
        </button>
      </form>
      {courses.length === 0 && <p className="hint">{t('roster.groups.noCourses')}</p>}
      <ul className="roster-groups">
        {courses.map((c) => (
          <li key={c.id} data-testid={`course-${c.name}`}>
            <strong>{c.name}</strong> · {t('roster.groups.sessions', { count: c.sessions })}{' '}
            <button type="button" onClick={() => rename(c.name, (name) => renameCourse(c.id, name))}>
              {t('roster.groups.rename')}
            </button>{' '}
            <button
              type="button"
              aria-label={t('roster.groups.deleteOf', { name: c.name })}
              onClick={() => void act(() => deleteCourse(c.id))}
            >
              {t('roster.groups.delete')}
            </button>
          </li>
        ))}
      </ul>

      <h3>{t('roster.groups.cohorts')}</h3>
      <form className="roster-bar" onSubmit={submitCohort}>
        <label>
          <span>{t('roster.groups.cohortName')}</span>
          <input
            data-testid="cohort-name"
            value={cohortName}
            onChange={(e) => setCohortName(e.target.value)}
          />
        </label>
        <label>
          <span>{t('roster.groups.courseOf')}</span>
          <select
            data-testid="cohort-course"
            value={cohortCourse}
            onChange={(e) => setCohortCourse(e.target.value)}
          >
            <option value="">{t('roster.groups.noCourse')}</option>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="cohort-add">
          {t('roster.groups.addCohort')}
        </button>
      </form>
      {cohorts.length === 0 && <p className="hint">{t('roster.groups.noCohorts')}</p>}
      <ul className="roster-groups">
        {cohorts.map((h) => (
          <li key={h.id} data-testid={`cohort-${h.name}`}>
            <strong>{h.name}</strong> · {courseName_(h.courseId) ?? t('roster.groups.noCourse')} ·{' '}
            {t('roster.groups.members', { count: h.personIds.length })} ·{' '}
            {t('roster.groups.sessions', { count: h.sessions })}{' '}
            <button type="button" onClick={() => rename(h.name, (name) => editCohort(h.id, { name }))}>
              {t('roster.groups.rename')}
            </button>{' '}
            <button
              type="button"
              data-testid={`cohort-members-${h.name}`}
              aria-expanded={members?.cohortId === h.id}
              onClick={() =>
                setMembersDraft(
                  members?.cohortId === h.id ? null : { cohortId: h.id, ids: new Set(h.personIds) },
                )
              }
            >
              {t('roster.groups.editMembers')}
            </button>{' '}
            <a href={`/roster/badges/${h.id}`}>{t('roster.groups.badges')}</a>{' '}
            <button
              type="button"
              aria-label={t('roster.groups.deleteOf', { name: h.name })}
              onClick={() => void act(() => deleteCohort(h.id))}
            >
              {t('roster.groups.delete')}
            </button>
            {members?.cohortId === h.id && (
              <fieldset className="roster-members">
                <legend>{t('roster.groups.editMembers')}</legend>
                {people.map((p) => (
                  <label key={p.id} className="choice">
                    <input
                      type="checkbox"
                      checked={members.ids.has(p.id)}
                      onChange={(e) => {
                        const ids = new Set(members.ids);
                        if (e.target.checked) ids.add(p.id);
                        else ids.delete(p.id);
                        setMembersDraft({ cohortId: h.id, ids });
                      }}
                    />
                    {p.name}
                    {p.community && ` · ${p.community}`}
                  </label>
                ))}
                <button
                  type="button"
                  className="primary"
                  data-testid="cohort-members-save"
                  onClick={() =>
                    void act(() => setMembers(h.id, [...members.ids])).then(
                      (ok) => ok && setMembersDraft(null),
                    )
                  }
                >
                  {t('roster.groups.saveMembers')}
                </button>
              </fieldset>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
