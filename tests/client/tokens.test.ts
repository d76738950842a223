// Colours come from the token file only (client/src/ui/tokens.css): no screen
// CSS may carry a raw colour — #hex, rgb()/rgba(), hsl()/hsla() or a named
// colour — and every media query uses one of the breakpoints it lists.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../client/src');
const TOKENS = join(SRC, 'ui/tokens.css');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
}

// CSS Color 4's named colours (transparent and currentcolor are not colours of their own).
const NAMED = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
  burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
  darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid
  darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet
  deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
  ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
  lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow
  lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
  lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
  mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
  mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab
  orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru
  pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
  seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan
  teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`.split(/\s+/),
);

/** Every raw colour in a stylesheet's declarations (comments and quoted strings aside). */
function rawColours(css: string): string[] {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"[^"]*"|'[^']*'/g, '""');
  const found: string[] = [];
  for (const [, value] of code.matchAll(/[a-z-]+\s*:\s*([^;{}]+)/gi)) {
    if (!value) continue;
    found.push(...(value.match(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/gi) ?? []));
    // A bare word, not part of a custom property's name, a function or a hyphenated keyword.
    for (const [word] of value.matchAll(/(?<![-\w#])[a-z]+(?![-\w(])/gi))
      if (NAMED.has(word.toLowerCase())) found.push(word);
  }
  return found;
}

describe('colours and breakpoints come from the token file', () => {
  it('the scan finds each kind of raw colour, and none in token references', () => {
    expect(rawColours('a { color: #fff; background: rgb(0 0 0 / 0.1); }')).toEqual(['#fff', 'rgb(']);
    expect(rawColours('a { border: 1px solid hsla(0, 0%, 0%, 0.5); outline-color: Red; }')).toEqual([
      'hsla(',
      'Red',
    ]);
    expect(rawColours('a { color: var(--red-37); white-space: nowrap; } /* #fff red */')).toEqual([]);
    expect(rawColours('a { font-family: "red"; background: transparent; color: currentColor; }')).toEqual([]);
  });

  it('no screen CSS has a raw colour', () => {
    const offenders = cssFiles(SRC)
      .filter((file) => file !== TOKENS)
      .flatMap((file) => rawColours(readFileSync(file, 'utf8')).map((c) => `${relative(SRC, file)}: ${c}`));
    expect(offenders).toEqual([]);
  });

  it('every var(--…) a screen uses is defined', () => {
    const defined = new Set(
      cssFiles(SRC).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/(--[\w-]+)\s*:/g)].map(([, name]) => name),
      ),
    );
    const undefinedUses = cssFiles(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/var\((--[\w-]+)/g)]
        .map(([, name]) => name)
        .filter((name) => name !== undefined && !defined.has(name))
        .map((name) => `${relative(SRC, file)}: ${name}`),
    );
    expect(undefinedUses).toEqual([]);
  });

  it('every media query width is one of the listed breakpoints', () => {
    const listed = new Set(
      [...readFileSync(TOKENS, 'utf8').matchAll(/--bp-[\w-]+:\s*([\d.]+(?:px|rem))/g)].map(([, v]) => v),
    );
    // The meeting screen's "below 1000px" is written 999.98px so the two queries never overlap.
    listed.add('999.98px');
    const widths = cssFiles(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/@media[^{]*?(?:min|max)-width:\s*([\d.]+(?:px|rem))/g)].map(
        ([, w]) => `${relative(SRC, file)}: ${w}`,
      ),
    );
    expect(widths.filter((w) => !listed.has(w.split(': ')[1] ?? ''))).toEqual([]);
  });
});
