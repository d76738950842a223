// Agenda items by kind: choosing a kind offers only that kind's settings
// (the keys come from the schema's union, shared/studio/form-model.ts), and a
// vote's rule is said in the words the trainee's ballot uses.
import { useTranslation } from 'react-i18next';
import {
  BUILTIN_RULES,
  FEWEST,
  ITEM_KINDS,
  type ItemKind,
  type Rule,
} from '../../../../shared/scenario/index.ts';
import type { Language } from '../../../../shared/scenario/primitives.ts';
import { changeItemKind, freeId, ITEM_KIND_KEYS, newItem } from '../../../../shared/studio/form-model.ts';
// The words of the trainee's ballot, from the one authority on them.
import { describeRule } from '../../../../shared/views/rule-text.ts';
import { idsOf, listOf, roleChoices, textOf } from './common.ts';
import { RemoveEntry } from './entry-buttons.tsx';
import {
  CheckField,
  fieldAnchor,
  RolePicker,
  Section,
  SelectField,
  TextField,
  TextListField,
  ValueField,
} from './fields.tsx';
import { useForm } from './form-context.ts';

export function AgendaForm({ lang, rules }: { lang: Language; rules?: Record<string, Rule> }) {
  const { t } = useTranslation();
  const form = useForm();
  const agenda = listOf(form.get(['agenda']));
  const roles = roleChoices(form.data, lang);
  const roleIds = roles.map((r) => r.id);
  return (
    <Section id="agenda" title={t('studioForm.agenda')}>
      <ol className="agenda-entries">
        {agenda.map((item, i) => {
          const kind = (ITEM_KINDS as readonly string[]).includes(String(item.kind))
            ? (item.kind as ItemKind)
            : null;
          const keys = kind ? ITEM_KIND_KEYS[kind] : [];
          const at = (key: string) => ['agenda', i, key];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries are addressed by place, as in the YAML
            <li key={i} className="form-entry" {...fieldAnchor(['agenda', i])}>
              <p className="entry-head">
                <strong>{textOf(item.title, lang)}</strong> <code>{String(item.id ?? '')}</code>
              </p>
              <div className="form-row">
                <ValueField path={at('id')} label={t('studioForm.id')} optional={false} />
                <SelectField
                  path={at('kind')}
                  label={t('studioForm.kind')}
                  optional={false}
                  options={ITEM_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                  onSelect={(k) => form.edit((s) => changeItemKind(s, i, k as ItemKind, roleIds))}
                />
                <ValueField
                  path={at('duration')}
                  label={t('studioForm.itemDuration')}
                  hint={t('studioForm.durationHint')}
                />
                {keys.includes('per_speaker') && (
                  <ValueField path={at('per_speaker')} label={t('studioForm.perSpeaker')} />
                )}
              </div>
              <TextField path={at('title')} label={t('studioForm.title')} />
              {keys.includes('speakers') && (
                <RolePicker path={at('speakers')} label={t('studioForm.speakers')} roles={roles} />
              )}
              {keys.includes('answerers') && (
                <RolePicker path={at('answerers')} label={t('studioForm.answerers')} roles={roles} />
              )}
              {keys.includes('order') && <OrderField index={i} roles={roles} />}
              {keys.includes('rounds') && (
                <ValueField path={at('rounds')} label={t('studioForm.rounds')} number />
              )}
              {keys.includes('balance') && (
                <CheckField path={at('balance')} label={t('studioForm.balance')} />
              )}
              {keys.includes('motion') && (
                <TextField path={at('motion')} label={t('studioForm.motion')} multiline />
              )}
              {keys.includes('seats') && (
                <ValueField
                  path={at('seats')}
                  label={t('studioForm.electionSeats')}
                  number
                  optional={false}
                />
              )}
              {keys.includes('max_choices') && (
                <ValueField path={at('max_choices')} label={t('studioForm.maxChoices')} number />
              )}
              {keys.includes('candidates') && <CandidatesField index={i} roles={roles} />}
              {keys.includes('ballot') && (
                <SelectField
                  path={at('ballot')}
                  label={t('studioForm.ballot')}
                  options={[
                    { value: 'open', label: t('studioForm.ballotOpen') },
                    { value: 'secret', label: t('studioForm.ballotSecret') },
                  ]}
                />
              )}
              {keys.includes('rule') && <RuleField index={i} lang={lang} rules={rules} />}
              {keys.includes('eligible') && <EligibleField index={i} roles={roles} />}
              {keys.includes('amendable') && (
                <CheckField path={at('amendable')} label={t('studioForm.amendable')} />
              )}
              {keys.includes('asks') && (
                <TextListField path={at('asks')} label={t('studioForm.asks')} min={FEWEST.asks} />
              )}
              <TextField path={at('guidance')} label={t('studioForm.guidance')} optional />
              <RemoveEntry
                path={['agenda', i]}
                label={t('studioForm.removeItem')}
                keep={agenda.length <= FEWEST.agenda}
              />
            </li>
          );
        })}
      </ol>
      {!form.readOnly && (
        <fieldset className="form-row add-item">
          <legend>{t('studioForm.addItem')}</legend>
          {ITEM_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className="small"
              onClick={() => form.append(['agenda'], newItem(k, freeId(idsOf(agenda), k), roleIds))}
            >
              {t(`kind.${k}`)}
            </button>
          ))}
        </fieldset>
      )}
    </Section>
  );
}

/** A speakers list: from a queue of raised hands, or a fixed order of roles. */
function OrderField({ index, roles }: { index: number; roles: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const form = useForm();
  const path = ['agenda', index, 'order'];
  const order = form.get(path);
  const fixed = Array.isArray(order);
  return (
    <div {...fieldAnchor(path)}>
      <label className="value-field">
        <span>{t('studioForm.order')}</span>
        <select
          value={fixed ? 'fixed' : 'queue'}
          disabled={form.readOnly}
          onChange={(e) => form.set(path, e.target.value === 'fixed' ? [roles[0]?.id ?? 'chair'] : 'queue')}
        >
          <option value="queue">{t('studioForm.orderQueue')}</option>
          <option value="fixed">{t('studioForm.orderFixed')}</option>
        </select>
      </label>
      {fixed && <RolePicker path={path} label={t('studioForm.speakers')} roles={roles} />}
    </div>
  );
}

function CandidatesField({ index, roles }: { index: number; roles: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const form = useForm();
  const path = ['agenda', index, 'candidates'];
  const fixed = Array.isArray(form.get(path));
  return (
    <div {...fieldAnchor(path)}>
      <label className="value-field">
        <span>{t('studioForm.candidates')}</span>
        <select
          value={fixed ? 'fixed' : 'nominate'}
          disabled={form.readOnly}
          onChange={(e) =>
            form.set(path, e.target.value === 'fixed' ? [roles[0]?.id ?? 'chair'] : 'nominate')
          }
        >
          <option value="nominate">{t('studioForm.candidatesNominate')}</option>
          <option value="fixed">{t('studioForm.candidatesFixed')}</option>
        </select>
      </label>
      {fixed && <RolePicker path={path} label={t('studioForm.candidates')} roles={roles} />}
    </div>
  );
}

/** Who may vote: every card, some roles, or the owners. */
function EligibleField({ index, roles }: { index: number; roles: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const form = useForm();
  const path = ['agenda', index, 'eligible'];
  const value = form.get(path);
  const mode = Array.isArray(value) ? 'roles' : value && typeof value === 'object' ? 'owners' : 'all';
  return (
    <div {...fieldAnchor(path)}>
      <label className="value-field">
        <span>{t('studioForm.eligible')}</span>
        <select
          value={mode}
          disabled={form.readOnly}
          onChange={(e) =>
            form.set(
              path,
              e.target.value === 'roles'
                ? [roles[0]?.id ?? 'chair']
                : e.target.value === 'owners'
                  ? { attribute: 'owner', equals: true }
                  : undefined,
            )
          }
        >
          <option value="all">{t('studioForm.eligibleAll')}</option>
          <option value="roles">{t('studioForm.eligibleRoles')}</option>
          <option value="owners">{t('studioForm.eligibleOwners')}</option>
        </select>
      </label>
      {mode === 'roles' && <RolePicker path={path} label={t('studioForm.eligible')} roles={roles} />}
    </div>
  );
}

function RuleField({ index, lang, rules }: { index: number; lang: Language; rules?: Record<string, Rule> }) {
  const { t } = useTranslation();
  const form = useForm();
  const all: Record<string, Rule> = { ...BUILTIN_RULES, ...rules };
  const path = ['agenda', index, 'rule'];
  const chosen = (form.get(path) as string | undefined) ?? 'simple_majority';
  const rule = all[chosen];
  return (
    <div>
      <SelectField
        path={path}
        label={t('studioForm.rule')}
        options={Object.keys(all).map((id) => ({
          value: id,
          label: t(`studioForm.rules.${id}`, { defaultValue: id }),
        }))}
      />
      {rule && (
        <p className="rule-words" data-testid="rule-words">
          {describeRule(rule)[lang]}
        </p>
      )}
    </div>
  );
}
