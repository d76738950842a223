// The pieces every account form repeats: a labelled field, the error under a
// form, and a submit that is busy while it waits and shows what went wrong.
// Sign-in, invitation, reset, password change and invite use them, so a field
// is marked invalid and its error announced the same way everywhere.
import { type FormEvent, type InputHTMLAttributes, useState } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/**
 * A labelled text or password input. With `errorId` (the id of the form's
 * FormError) the input is marked invalid and described by it while `error`
 * is set.
 */
export function Field({
  label,
  value,
  onChange,
  error,
  errorId,
  testId,
  ...input
}: InputProps & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  errorId?: string;
  testId?: string;
}) {
  const invalid = errorId !== undefined && error !== undefined && error !== null;
  return (
    <label>
      <span>{label}</span>
      <input
        {...input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...(errorId !== undefined && {
          'aria-invalid': invalid,
          'aria-describedby': invalid ? errorId : undefined,
        })}
        {...(testId !== undefined && { 'data-testid': testId })}
      />
    </label>
  );
}

/** What went wrong, announced at once; nothing when all is well. */
export function FormError({ error, id }: { error: string | null; id?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="account-error" role="alert">
      {error}
    </p>
  );
}

export interface FormSubmit {
  busy: boolean;
  error: string | null;
  submit: (event: FormEvent) => Promise<void>;
}

/**
 * A form's submit: `check` may refuse before anything is sent (its words
 * become the error); then `action` runs while the form is busy, and what it
 * throws becomes the error in `problem`'s words.
 */
export function useFormSubmit({
  check,
  action,
  problem,
}: {
  check?: () => string | null;
  action: () => Promise<void>;
  problem: (error: unknown) => string;
}): FormSubmit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refused = check?.() ?? null;
    if (refused !== null) {
      setError(refused);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
