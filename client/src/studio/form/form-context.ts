// The form's one connection to the editor: the scenario as data, its live
// check's issues, and the edit that changes the YAML text. Every field and
// button of the form reads and writes through useForm().
import { createContext, useContext } from 'react';
import { appendTo, removeAt, type StudioPath, setIn, valueAt } from '../../../../shared/studio/yaml-edit.ts';
import type { ShownIssue } from '../validation.ts';

export interface FormModel {
  data: Record<string, unknown>;
  issues: ShownIssue[];
  readOnly: boolean;
  /** Applies an edit of the text (from the edit model). */
  edit(change: (source: string) => string): void;
}

export const FormContext = createContext<FormModel | null>(null);

export function useForm(): FormModel & {
  get(path: StudioPath): unknown;
  set(path: StudioPath, value: unknown): void;
  append(path: StudioPath, value: unknown): void;
  remove(path: StudioPath): void;
} {
  const form = useContext(FormContext);
  if (!form) throw new Error('useForm outside the form');
  return {
    ...form,
    get: (path) => valueAt(form.data, path),
    set: (path, value) => form.edit((s) => setIn(s, path, value)),
    append: (path, value) => form.edit((s) => appendTo(s, path, value)),
    remove: (path) => form.edit((s) => removeAt(s, path)),
  };
}
