// A small path router: the app has a handful of screens, and a routing
// library would cost the trainee's phone more than it saves here.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'join'; code: string }
  | { name: 'trainee' }
  | { name: 'observer'; sessionId: string; token: string }
  | { name: 'facilitator-home' }
  /** The authoring studio: the library, or one scenario's editor. */
  | { name: 'studio'; scenarioId: string | null }
  | { name: 'facilitator'; sessionId: string; token: string }
  | { name: 'projector'; code: string }
  | { name: 'debrief'; sessionId: string; access: DebriefAccess }
  | { name: 'not-found' };

/** Who opens a debrief, from the link's fragment: `#trainee` (the seat kept on this device), `#observer:<token>`, `#facilitator:<token>`. */
export type DebriefAccess =
  | { role: 'trainee' }
  | { role: 'observer'; token: string }
  | { role: 'facilitator'; token: string }
  | null;

export function parseDebriefAccess(hash: string): DebriefAccess {
  const fragment = hash.replace(/^#/, '');
  if (fragment === 'trainee') return { role: 'trainee' };
  const match = /^(observer|facilitator)[:=](.+)$/.exec(fragment);
  if (!match?.[2]) return null;
  return { role: match[1] === 'observer' ? 'observer' : 'facilitator', token: decodeURIComponent(match[2]) };
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
  if (path === '/studio') return { name: 'studio', scenarioId: null };
  if (first === 'studio' && second) return { name: 'studio', scenarioId: decodeURIComponent(second) };
  if (path === '/projector') return { name: 'projector', code: query.get('code') ?? '' };
  if (first === 'observe' && second) return { name: 'observer', sessionId: second, token };
  if (first === 'facilitate' && second) return { name: 'facilitator', sessionId: second, token };
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
