// What a studio operation answers: its value, or a typed refusal with a
// message an instructor can act on. The refusals several operations share are
// worded once here.
import { STUDIO_ERRORS, type StudioErrorCode } from '../../shared/studio/api.ts';

export type StudioFailure = { ok: false; code: StudioErrorCode; message: string; details?: unknown };

export type StudioResult<T> = { ok: true; value: T } | StudioFailure;

export const fail = (code: StudioErrorCode, message: string, details?: unknown): StudioFailure => ({
  ok: false,
  code,
  message,
  ...(details !== undefined && { details }),
});

export const notFound = (id: string): StudioFailure =>
  fail(STUDIO_ERRORS.notFound, `no scenario "${id}" in the library`);

export const readOnly = (id: string): StudioFailure =>
  fail(
    STUDIO_ERRORS.readOnly,
    `"${id}" is a shipped scenario and cannot be changed here: duplicate it to edit a copy`,
  );

export const hasErrors = (id: string, version: number | null): StudioFailure =>
  fail(
    STUDIO_ERRORS.hasErrors,
    `"${id}"${version === null ? '' : ` version ${version}`} has errors: it can be kept as a draft, but not used for a session until they are fixed`,
  );
