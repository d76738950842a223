// What the instructor typed and the server does not have yet, kept in this
// browser per scenario until a save succeeds: a failed save (the network,
// the disk, a conflict) or a closed tab loses nothing.
const PREFIX = 'civic-rehearsal.studio-draft.';

export interface Draft {
  /** The version the text was edited on top of. */
  baseVersion: number;
  text: string;
}

export function loadDraft(id: string): Draft | null {
  try {
    const raw = localStorage.getItem(PREFIX + id);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function keepDraft(id: string, draft: Draft): void {
  try {
    localStorage.setItem(PREFIX + id, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the text is still in the editor.
  }
}

export function dropDraft(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    // Nothing kept.
  }
}
