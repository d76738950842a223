// Rendering a client component in Node, in English, with the screen's strings
// registered: react-dom/server's static markup, read back as text and attributes.
import './no-dom.ts';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { i18next } from '../../client/src/i18n/index.ts';

await i18next.changeLanguage('en');

export const render = (element: ReactElement): string => renderToStaticMarkup(element);

/** The opening tag of the element with this data-testid, or undefined when it is not rendered. */
export function tagOf(html: string, testId: string): string | undefined {
  return html.match(new RegExp(`<[a-z]+[^>]*data-testid="${testId}"[^>]*>`))?.[0];
}

export const isDisabled = (html: string, testId: string): boolean | undefined => {
  const tag = tagOf(html, testId);
  return tag === undefined ? undefined : / disabled=""/.test(tag);
};

/** The text of the element with this id (no nested elements of the same kind). */
export function textOfId(html: string, id: string): string | undefined {
  return html.match(new RegExp(`id="${id}"[^>]*>([^<]*)<`))?.[1];
}
