// What stands where a deleted person's words or name were: the log is
// append-only, so their text stays there sealed with a key that no longer
// exists, and every reading of it shows this instead (docs/roster.md).
export const DELETED_TEXT = '（已删除）';

export const isDeletedText = (text: string | undefined): boolean => text === DELETED_TEXT;
