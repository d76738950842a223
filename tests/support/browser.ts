// The tests launch the same Debian Chromium as the screenshot script.
export { CHROMIUM_PATH, launchBrowser } from '../../scripts/chromium.ts';
