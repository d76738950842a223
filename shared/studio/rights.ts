// Who may do what in the studio: the one table both the server (which
// refuses) and the client (which offers) ask. Only instructors edit;
// experts read the private side of what their sessions run; trainees, the
// projector and nobody reach none of it.
export type StudioViewer =
  | { kind: 'instructor' }
  /**
   * An expert: by account, every scenario's private side ('all', as the table
   * of rights gives scenarios.read_private); by a guest's observer link, only
   * the versions those sessions run.
   */
  | { kind: 'expert'; sessions: 'all' | { scenarioId: string; version: number | null }[] }
  | { kind: 'trainee' }
  | { kind: 'projector' }
  | { kind: 'nobody' };

export type StudioAction =
  /** See the library: drafts, archived scenarios, every version. */
  | { kind: 'list' }
  /** Read one version's whole source, private sides included. */
  | { kind: 'read'; scenarioId: string; version: number | null }
  /** Save, duplicate, import, restore, publish, archive, delete. */
  | { kind: 'edit' };

export function studioMay(viewer: StudioViewer, action: StudioAction): boolean {
  switch (viewer.kind) {
    case 'instructor':
      return true;
    case 'expert':
      return (
        action.kind === 'read' &&
        (viewer.sessions === 'all' ||
          viewer.sessions.some((s) => s.scenarioId === action.scenarioId && s.version === action.version))
      );
    default:
      return false;
  }
}

/** Refused because nobody is signed in (401), or because this viewer may not (403). */
export function refusalStatus(viewer: StudioViewer): 401 | 403 {
  return viewer.kind === 'nobody' || viewer.kind === 'projector' ? 401 : 403;
}
