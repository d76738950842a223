// The editor's four views of one text: the form, the YAML source, the
// previews and "try it". The text is the one truth: the form writes into
// it through the edit model and reads back from it, so editing either view
// updates the other.
import { type Ref, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_RULES, type Scenario } from '../../../shared/scenario/index.ts';
import type { Language } from '../../../shared/scenario/primitives.ts';
import { readSource, YamlEditError } from '../../../shared/studio/yaml-edit.ts';
import { FormView } from './form/FormView.tsx';
import { PreviewPane } from './preview/PreviewPane.tsx';
import { TryItPane } from './preview/TryItPane.tsx';
import { SourceEditor, type SourceEditorHandle } from './SourceEditor.tsx';
import type { StudioCheck } from './validation.ts';

export type StudioTab = 'form' | 'source' | 'preview' | 'try';
const TABS: StudioTab[] = ['form', 'source', 'preview', 'try'];

interface Props {
  id: string;
  text: string;
  onChange(text: string): void;
  check: StudioCheck;
  /** The last text that loaded without errors, for previews while the current one is being fixed. */
  lastGood: Scenario | undefined;
  readOnly: boolean;
  lang: Language;
  tab: StudioTab;
  onTab(tab: StudioTab): void;
  editorKey: number;
  editor: Ref<SourceEditorHandle>;
  /** Opens the form at a field (`roles[0].brief`): the errors' and the findings' links. */
  onField(path: string): void;
}

export function StudioTabs(props: Props) {
  const { t } = useTranslation();
  const { text, check, readOnly, lang, tab } = props;
  /** Why the last form edit could not be made, by its code (the error's own text is English, for logs). */
  const [editError, setEditError] = useState<YamlEditError['code'] | null>(null);
  const data = useMemo(() => (tab === 'form' ? readSource(text) : null), [text, tab]);
  const edit = (change: (source: string) => string) => {
    try {
      setEditError(null);
      props.onChange(change(text));
    } catch (e) {
      if (e instanceof YamlEditError) setEditError(e.code);
      else throw e;
    }
  };
  const rules = { ...BUILTIN_RULES, ...(check.scenario ?? props.lastGood)?.rules };
  return (
    <div className="studio-tabs">
      <div role="tablist" className="studio-tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'active' : undefined}
            onClick={() => props.onTab(name)}
          >
            {t(`studioForm.tabs.${name === 'try' ? 'tryIt' : name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'source' && (
          <SourceEditor
            key={props.editorKey}
            ref={props.editor}
            text={text}
            readOnly={readOnly}
            issues={check.errors}
            onChange={props.onChange}
            label={`${props.id}.yaml`}
          />
        )}
        {tab === 'form' &&
          (data ? (
            <>
              {editError && (
                <p role="alert" className="studio-bad">
                  {t('studioForm.editFailed', { message: t(`studioForm.editProblem.${editError}`) })}
                </p>
              )}
              <FormView model={{ data, issues: check.errors, readOnly, edit }} lang={lang} rules={rules} />
            </>
          ) : (
            <p className="studio-bad">{t('studioForm.yamlBroken')}</p>
          ))}
        {tab === 'preview' && (
          <PreviewPane scenario={check.scenario ?? props.lastGood} stale={!check.scenario} />
        )}
        {tab === 'try' && <TryItPane scenario={check.scenario} onField={props.onField} />}
      </div>
    </div>
  );
}
