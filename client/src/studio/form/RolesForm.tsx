// Roles: the public side, the private brief, goals, secrets and red lines,
// how many may hold the card, and the chair / required / NPC switches.
import { useTranslation } from 'react-i18next';
import { FEWEST } from '../../../../shared/scenario/index.ts';
import type { Language } from '../../../../shared/scenario/primitives.ts';
import { freeId, newRole } from '../../../../shared/studio/form-model.ts';
import { idsOf, listOf, textOf } from './common.ts';
import { AddEntry, RemoveEntry } from './entry-buttons.tsx';
import {
  CheckField,
  FieldIssues,
  fieldAnchor,
  Section,
  TextField,
  TextListField,
  ValueField,
} from './fields.tsx';
import { useForm } from './form-context.ts';

export function RolesForm({ lang }: { lang: Language }) {
  const { t } = useTranslation();
  const form = useForm();
  const roles = listOf(form.get(['roles']));
  return (
    <Section id="roles" title={t('studioForm.roles')}>
      {roles.map((role, i) => (
        <details
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are addressed by place, as in the YAML
          key={i}
          className="form-entry role-entry"
          open={roles.length <= 4}
          {...fieldAnchor(['roles', i])}
        >
          <summary>
            {textOf(role.name, lang) || String(role.id ?? '')} <code>{String(role.id ?? '')}</code>
          </summary>
          <ValueField path={['roles', i, 'id']} label={t('studioForm.id')} optional={false} />
          <TextField path={['roles', i, 'name']} label={t('studioForm.roleName')} />
          <TextField path={['roles', i, 'affiliation']} label={t('studioForm.affiliation')} optional />
          <TextField path={['roles', i, 'public']} label={t('studioForm.public')} multiline />
          <TextField path={['roles', i, 'brief']} label={t('studioForm.brief')} multiline />
          <TextListField path={['roles', i, 'goals']} label={t('studioForm.goals')} />
          <TextListField path={['roles', i, 'secrets']} label={t('studioForm.secrets')} />
          <TextListField path={['roles', i, 'red_lines']} label={t('studioForm.redLines')} />
          <div className="form-row">
            <SeatsField index={i} />
            <CheckField path={['roles', i, 'chair']} label={t('studioForm.chair')} />
            <CheckField path={['roles', i, 'required']} label={t('studioForm.required')} />
            <CheckField path={['roles', i, 'npc']} label={t('studioForm.npc')} />
          </div>
          <div className="form-row">
            <CheckField path={['roles', i, 'attributes', 'owner']} label={t('studioForm.owner')} />
            <ValueField path={['roles', i, 'attributes', 'area_m2']} label={t('studioForm.area')} number />
            <ValueField path={['roles', i, 'attributes', 'building']} label={t('studioForm.building')} />
            <ValueField path={['roles', i, 'attributes', 'floor']} label={t('studioForm.floor')} number />
          </div>
          <FieldIssues path={['roles', i, 'attributes']} />
          <RemoveEntry
            path={['roles', i]}
            label={t('studioForm.removeRole')}
            keep={roles.length <= FEWEST.roles}
          />
        </details>
      ))}
      <AddEntry
        path={['roles']}
        label={t('studioForm.addRole')}
        make={() => newRole(freeId(idsOf(roles), 'role'))}
      />
    </Section>
  );
}

/** Seats: written as one number or { min, max }; the form shows both ends. */
function SeatsField({ index }: { index: number }) {
  const { t } = useTranslation();
  const form = useForm();
  const path = ['roles', index, 'seats'] as const;
  const seats = form.get(path);
  const min = typeof seats === 'number' ? seats : (seats as { min?: number } | undefined)?.min;
  const max = typeof seats === 'number' ? seats : (seats as { max?: number } | undefined)?.max;
  const write = (which: 'min' | 'max', raw: string) => {
    const n = raw === '' ? undefined : Number(raw);
    const next = { min: which === 'min' ? n : min, max: which === 'max' ? n : max };
    if (next.min === undefined && next.max === undefined) return form.set(path, undefined);
    form.set(path, { min: next.min ?? 0, max: next.max ?? Math.max(1, next.min ?? 1) });
  };
  return (
    <fieldset className="seats-field" {...fieldAnchor(path)}>
      <legend>{t('studioForm.seats')}</legend>
      {(['min', 'max'] as const).map((which) => (
        <label key={which}>
          {t(`studioForm.seats_${which}`)}{' '}
          <input
            type="number"
            min={which === 'min' ? 0 : 1}
            value={(which === 'min' ? min : max) ?? ''}
            readOnly={form.readOnly}
            onChange={(e) => write(which, e.target.value)}
          />
        </label>
      ))}
      <FieldIssues path={path} />
    </fieldset>
  );
}
