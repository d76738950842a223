// No jsdom or happy-dom is installed: client tests render components to
// static markup (react-dom/server) and test view models as plain functions.
// The i18n set-up reads navigator and sets document.documentElement.lang on
// import; this gives it just enough to do so in Node. Import it first.
const g = globalThis as { document?: unknown; navigator?: unknown };
g.document ??= { documentElement: {} };
g.navigator ??= { languages: ['en'], language: 'en' };
