// The trainee screen's own components for the studio's previews, loaded as
// the trainee route's chunk itself (the router's lazy TraineeApp): the studio
// shares that chunk whole instead of splitting it, which keeps the trainee
// route's download as it was.
import { useEffect, useState } from 'react';

export type TraineeKit = typeof import('../trainee/TraineeApp.tsx');

let loading: Promise<TraineeKit> | null = null;
let loaded: TraineeKit | null = null;

export function useTraineeKit(): TraineeKit | null {
  const [kit, setKit] = useState<TraineeKit | null>(loaded);
  useEffect(() => {
    if (kit) return;
    loading ??= import('../trainee/TraineeApp.tsx').then((m) => {
      loaded = m;
      return m;
    });
    let live = true;
    void loading.then((m) => live && setKit(m));
    return () => {
      live = false;
    };
  }, [kit]);
  return kit;
}
