// A small path router: the app has a handful of screens, and a routing
// library would cost the trainee's phone more than it saves here.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'join'; code: string }
  | { name: 'trainee' }
  /** A guest expert's link carries its token in the fragment; without one, the expert's account is used. */
  | { name: 'observer'; sessionId: string; token: string }
  | { name: 'facilitator-home' }
  | { name: 'facilitator'; sessionId: string }
  | { name: 'sign-in'; next: string }
  | { name: 'invite'; token: string }
  | { name: 'account' }
  | { name: 'admin-accounts' }
  | { name: 'expert-home' }
  /** The authoring studio: the library, or one scenario's editor. */
  | { name: 'studio'; scenarioId: string | null }
  | { name: 'projector'; code: string }
  /** The roster (people, courses, cohorts), or one cohort's badge sheet (for a session, with its join code). */
  | { name: 'roster'; badgesOf: string | null; sessionId: string }
  /** A trainee's own portfolio, opened with their personal code. */
  | { name: 'portfolio' }
  /** One person's portfolio for instructors (and their data for administrators). */
  | { name: 'person-portfolio'; personId: string }
  | { name: 'debrief'; sessionId: string; access: DebriefAccess }
  | { name: 'not-found' };

/**
 * Who opens a debrief, from the link's fragment: `#trainee` (the seat kept
 * on this device), `#observer:<token>` (a guest expert's link), or, signed
 * in, `#instructor` (the console's view) and `#expert` (the observer's).
 */
export type DebriefAccess =
  | { role: 'trainee' }
  | { role: 'observer'; token: string }
  | { role: 'instructor' }
  | { role: 'expert' }
  | null;

export function parseDebriefAccess(hash: string): DebriefAccess {
  const fragment = hash.replace(/^#/, '');
  if (fragment === 'trainee' || fragment === 'instructor' || fragment === 'expert') return { role: fragment };
  const match = /^observer[:=](.+)$/.exec(fragment);
  if (!match?.[1]) return null;
  return { role: 'observer', token: decodeURIComponent(match[1]) };
}

export function parseRoute(location: Pick<Location, 'pathname' | 'search' | 'hash'>): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(location.search);
  const token = location.hash.replace(/^#/, '');
  const [, first, second] = path.split('/');
  if (path === '/') return { name: 'home' };
  if (path === '/join') return { name: 'join', code: query.get('code') ?? '' };
  if (path === '/session') return { name: 'trainee' };
  if (path === '/facilitator') return { name: 'facilitator-home' };
  if (path === '/sign-in') return { name: 'sign-in', next: query.get('next') ?? '' };
  if (path === '/invite') return { name: 'invite', token };
  if (path === '/account') return { name: 'account' };
  if (path === '/admin/accounts') return { name: 'admin-accounts' };
  if (path === '/expert') return { name: 'expert-home' };
  if (path === '/studio') return { name: 'studio', scenarioId: null };
  if (first === 'studio' && second) return { name: 'studio', scenarioId: decodeURIComponent(second) };
  if (path === '/roster') return { name: 'roster', badgesOf: null, sessionId: '' };
  if (first === 'roster' && second === 'badges' && path.split('/')[3])
    return {
      name: 'roster',
      badgesOf: decodeURIComponent(path.split('/')[3] as string),
      sessionId: query.get('session') ?? '',
    };
  if (path === '/portfolio') return { name: 'portfolio' };
  if (first === 'people' && second) return { name: 'person-portfolio', personId: decodeURIComponent(second) };
  if (path === '/projector') return { name: 'projector', code: query.get('code') ?? '' };
  if (first === 'observe' && second) return { name: 'observer', sessionId: second, token };
  if (first === 'facilitate' && second) return { name: 'facilitator', sessionId: second };
  if (first === 'debrief' && second)
    return { name: 'debrief', sessionId: second, access: parseDebriefAccess(location.hash) };
  return { name: 'not-found' };
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location));
    addEventListener('popstate', update);
    addEventListener('hashchange', update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener('hashchange', update);
    };
  }, []);
  return route;
}
