// UI strings. Simplified Chinese first; English second.
export const zh = {
  app: { name: '社区议事演练', tagline: '在真实议事程序中演练难开的社区会议' },
  language: { label: '语言', zh: '中文', en: 'English' },
  library: {
    heading: '情景库',
    loading: '正在加载情景…',
    failed: '情景库加载失败：{{message}}',
    empty: '还没有情景文件。',
    roles: '{{count}} 个角色',
    items: '{{count}} 项议程',
    minutes: '{{count}} 分钟',
    invalid: '文件有误，暂不可用',
    issues: '{{count}} 处错误',
  },
  meeting: {
    hearing: '听证会',
    round_table: '圆桌会',
    mobilization: '动员会',
    coordination: '协调会',
    assembly: '业主大会',
  },
};

export type Messages = typeof zh;

export const en: Messages = {
  app: { name: 'Civic Rehearsal', tagline: 'Rehearse hard community meetings by their real procedure' },
  language: { label: 'Language', zh: '中文', en: 'English' },
  library: {
    heading: 'Scenario library',
    loading: 'Loading scenarios…',
    failed: 'Could not load the library: {{message}}',
    empty: 'No scenario files yet.',
    roles: '{{count}} roles',
    items: '{{count}} agenda items',
    minutes: '{{count}} min',
    invalid: 'This file has errors and is not available',
    issues: '{{count}} errors',
  },
  meeting: {
    hearing: 'Hearing',
    round_table: 'Round table',
    mobilization: 'Mobilization meeting',
    coordination: 'Coordination meeting',
    assembly: "Owners' assembly",
  },
};
