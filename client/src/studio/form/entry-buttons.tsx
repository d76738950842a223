// The buttons that add an entry to a list in the form and remove one from
// it. A read-only form (a shipped scenario) shows neither.
import { useTranslation } from 'react-i18next';
import type { StudioPath } from '../../../../shared/studio/yaml-edit.ts';
import { useForm } from './form-context.ts';

/** Removes the entry at `path`; hidden while `keep` (the list is at its fewest). */
export function RemoveEntry({
  path,
  label,
  keep = false,
}: {
  path: StudioPath;
  label?: string;
  keep?: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm();
  if (form.readOnly || keep) return null;
  return (
    <button type="button" className="small" onClick={() => form.remove(path)}>
      {label ?? t('studioForm.remove')}
    </button>
  );
}

/** Appends a new entry, made when pressed, to the list at `path`. */
export function AddEntry({
  path,
  label,
  make,
  small = false,
  ariaLabel,
}: {
  path: StudioPath;
  label: string;
  make: () => unknown;
  small?: boolean;
  ariaLabel?: string;
}) {
  const form = useForm();
  if (form.readOnly) return null;
  return (
    <button
      type="button"
      {...(small && { className: 'small' })}
      onClick={() => form.append(path, make())}
      {...(ariaLabel && { 'aria-label': ariaLabel })}
    >
      {label}
    </button>
  );
}
