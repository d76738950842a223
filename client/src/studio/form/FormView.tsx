// The form view of the scenario: the same document as the source editor,
// section by section; every edit goes into the YAML text.
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../shared/scenario/index.ts';
import type { Language } from '../../../../shared/scenario/primitives.ts';
import { AgendaForm } from './AgendaForm.tsx';
import { listOf } from './common.ts';
import { AddEntry, RemoveEntry } from './entry-buttons.tsx';
import { Section, TextField, ValueField } from './fields.tsx';
import { FormContext, type FormModel, useForm } from './form-context.ts';
import { InjectsForm, RubricForm } from './InjectsForm.tsx';
import { RolesForm } from './RolesForm.tsx';

export function FormView({
  model,
  lang,
  rules,
}: {
  model: FormModel;
  lang: Language;
  rules?: Record<string, Rule>;
}) {
  return (
    <FormContext.Provider value={model}>
      <div className="studio-form">
        <Basics />
        <Facts />
        <RolesForm lang={lang} />
        <ElectorateBasics />
        <AgendaForm lang={lang} rules={rules} />
        <InjectsForm lang={lang} />
        <RubricForm />
      </div>
    </FormContext.Provider>
  );
}

function Basics() {
  const { t } = useTranslation();
  return (
    <Section id="basics" title={t('studioForm.basics')}>
      <TextField path={['title']} label={t('studioForm.title')} />
      <TextField path={['summary']} label={t('studioForm.summary')} multiline />
      <TextField path={['background']} label={t('studioForm.background')} multiline />
      <ValueField
        path={['duration']}
        label={t('studioForm.duration')}
        hint={t('studioForm.durationHint')}
        optional={false}
      />
    </Section>
  );
}

function Facts() {
  const { t } = useTranslation();
  const form = useForm();
  const facts = listOf(form.get(['facts']));
  const handouts = listOf(form.get(['handouts']));
  return (
    <Section id="facts" title={t('studioForm.facts')}>
      {facts.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries are addressed by place, as in the YAML
        <div key={i} className="form-entry">
          <TextField path={['facts', i, 'label']} label={t('studioForm.factLabel')} />
          <TextField path={['facts', i, 'value']} label={t('studioForm.factValue')} />
          <RemoveEntry path={['facts', i]} />
        </div>
      ))}
      <AddEntry
        path={['facts']}
        label={t('studioForm.addFact')}
        make={() => ({ label: { zh: '', en: '' }, value: { zh: '', en: '' } })}
        small
      />
      <h4>{t('studioForm.handouts')}</h4>
      {handouts.map((h, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries are addressed by place, as in the YAML
        <div key={i} className="form-entry">
          <ValueField path={['handouts', i, 'id']} label={t('studioForm.id')} optional={false} />
          <TextField path={['handouts', i, 'title']} label={t('studioForm.title')} />
          <TextField path={['handouts', i, 'body']} label={t('studioForm.body')} multiline />
          <p className="hint">
            {Array.isArray(h.to)
              ? t('studioForm.handoutTo', { roles: h.to.join(', ') })
              : t('studioForm.handoutAll')}
          </p>
          <RemoveEntry path={['handouts', i]} />
        </div>
      ))}
      <AddEntry
        path={['handouts']}
        label={t('studioForm.addHandout')}
        make={() => ({
          id: `handout_${handouts.length + 1}`,
          title: { zh: '', en: '' },
          body: { zh: '', en: '' },
        })}
        small
      />
    </Section>
  );
}

/** The electorate's title and totals; its flats stay in the source (a register is a table, not a form). */
function ElectorateBasics() {
  const { t } = useTranslation();
  const form = useForm();
  const electorate = form.get(['electorate']) as { flats?: unknown[] } | undefined;
  if (!electorate) return null;
  return (
    <Section id="electorate" title={t('studioForm.electorate')}>
      <p className="hint">{t('studioForm.flats', { count: electorate.flats?.length ?? 0 })}</p>
      <TextField path={['electorate', 'title']} label={t('studioForm.title')} optional />
      <ValueField path={['electorate', 'total', 'owners']} label={t('studioForm.totalOwners')} number />
      <ValueField path={['electorate', 'total', 'area_m2']} label={t('studioForm.totalArea')} number />
    </Section>
  );
}
