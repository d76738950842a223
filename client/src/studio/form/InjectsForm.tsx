// Injects (when, to whom, what response is expected), the rubric and the debrief questions.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/scenario/primitives.ts';
import { freeId, newInject } from '../../../../shared/studio/form-model.ts';
import { setIn } from '../../../../shared/studio/yaml-edit.ts';
import { idsOf, listOf, roleChoices, textOf } from './common.ts';
import { AddEntry, RemoveEntry } from './entry-buttons.tsx';
import {
  FieldIssues,
  fieldAnchor,
  RolePicker,
  Section,
  SelectField,
  TextField,
  TextListField,
  ValueField,
} from './fields.tsx';
import { useForm } from './form-context.ts';

export function InjectsForm({ lang }: { lang: Language }) {
  const { t } = useTranslation();
  const form = useForm();
  const injects = listOf(form.get(['injects']));
  const roles = roleChoices(form.data, lang);
  const items = listOf(form.get(['agenda'])).map((item) => ({
    value: String(item.id ?? ''),
    label: textOf(item.title, lang) || String(item.id ?? ''),
  }));
  return (
    <Section id="injects" title={t('studioForm.injects')}>
      {injects.map((inject, i) => {
        const at = (key: string) => ['injects', i, key];
        const to = inject.to;
        const audience = Array.isArray(to) ? 'roles' : to === 'observers' ? 'observers' : 'all';
        const when = inject.at ? 'scheduled' : inject.spare ? 'spare' : 'manual';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are addressed by place, as in the YAML
          <div key={i} className="form-entry" {...fieldAnchor(['injects', i])}>
            <ValueField path={at('id')} label={t('studioForm.id')} optional={false} />
            <TextField path={at('title')} label={t('studioForm.title')} />
            <TextField path={at('body')} label={t('studioForm.body')} multiline />
            <div className="form-row" {...fieldAnchor(at('at'))}>
              <label className="value-field">
                <span>{t('studioForm.when')}</span>
                <select
                  value={when}
                  disabled={form.readOnly}
                  onChange={(e) => {
                    const next = e.target.value;
                    form.edit((s) => {
                      let text = s;
                      text = setIn(
                        text,
                        at('at'),
                        next === 'scheduled' ? { item: items[0]?.value ?? '', after: '5m' } : undefined,
                      );
                      text = setIn(text, at('manual'), next === 'manual' ? true : undefined);
                      text = setIn(text, at('spare'), next === 'spare' ? true : undefined);
                      return text;
                    });
                  }}
                >
                  <option value="scheduled">{t('studioForm.whenScheduled')}</option>
                  <option value="manual">{t('studioForm.whenManual')}</option>
                  <option value="spare">{t('studioForm.whenSpare')}</option>
                </select>
              </label>
              {when === 'scheduled' && (
                <>
                  <SelectField
                    path={['injects', i, 'at', 'item']}
                    label={t('studioForm.atItem')}
                    options={items}
                    optional={false}
                  />
                  <ValueField
                    path={['injects', i, 'at', 'after']}
                    label={t('studioForm.after')}
                    optional={false}
                  />
                </>
              )}
            </div>
            <FieldIssues path={at('at')} />
            <div {...fieldAnchor(at('to'))}>
              <label className="value-field">
                <span>{t('studioForm.audience')}</span>
                <select
                  value={audience}
                  disabled={form.readOnly}
                  onChange={(e) =>
                    form.set(
                      at('to'),
                      e.target.value === 'roles'
                        ? [roles[0]?.id ?? 'chair']
                        : e.target.value === 'observers'
                          ? 'observers'
                          : undefined,
                    )
                  }
                >
                  <option value="all">{t('studioForm.audienceAll')}</option>
                  <option value="observers">{t('studioForm.audienceObservers')}</option>
                  <option value="roles">{t('studioForm.audienceRoles')}</option>
                </select>
              </label>
              {audience === 'roles' && (
                <RolePicker path={at('to')} label={t('studioForm.audience')} roles={roles} />
              )}
            </div>
            <TextField path={at('expect')} label={t('studioForm.expect')} optional multiline />
            <ValueField path={at('respond_within')} label={t('studioForm.respondWithin')} />
            <RemoveEntry path={['injects', i]} />
          </div>
        );
      })}
      <AddEntry
        path={['injects']}
        label={t('studioForm.addInject')}
        make={() => newInject(freeId(idsOf(injects), 'inject'))}
      />
    </Section>
  );
}

export function RubricForm() {
  const { t } = useTranslation();
  const form = useForm();
  const competencies = listOf(form.get(['rubric', 'competencies']));
  return (
    <Section id="rubric" title={t('studioForm.rubric')}>
      {competencies.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries are addressed by place, as in the YAML
        <div key={i} className="form-entry">
          <ValueField
            path={['rubric', 'competencies', i, 'id']}
            label={t('studioForm.id')}
            optional={false}
          />
          <TextField path={['rubric', 'competencies', i, 'title']} label={t('studioForm.title')} optional />
          <TextListField
            path={['rubric', 'competencies', i, 'indicators']}
            label={t('studioForm.indicators')}
          />
        </div>
      ))}
      <TextListField path={['debrief', 'questions']} label={t('studioForm.debriefQuestions')} />
    </Section>
  );
}
