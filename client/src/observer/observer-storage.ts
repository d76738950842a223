// The expert's identity per session lives in app/ (the debrief page reads it too).
export { loadObserver, type StoredObserver, saveObserver } from '../app/observer-storage.ts';
