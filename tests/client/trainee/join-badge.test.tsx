// @vitest-environment happy-dom
// A badge's QR code opens the join page with the person and their personal
// code in the URL's fragment (never sent to the server). Once the page has
// read them, the code must leave the address bar and the browser's history:
// a phone is passed around, and its history would otherwise keep the code.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '../../../client/src/i18n/index.ts';
import JoinPage from '../../../client/src/trainee/JoinPage.tsx';

await i18next.changeLanguage('en');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the join page opened from a badge', () => {
  it('fills the personal code, and takes it out of the address and the history', async () => {
    history.replaceState(null, '', '/join?code=K7M4PQ#person=p-wang&pc=482913');
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (path: string) => {
      asked.push(path);
      return new Response(
        JSON.stringify({ people: [{ personId: 'p-wang', masked: '王*华', community: '光明' }] }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    });
    render(<JoinPage code="K7M4PQ" />);
    const input = (await screen.findByTestId('join-personal-code')) as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe('482913'));
    expect(location.hash).toBe('');
    expect(location.href).not.toContain('482913');
    // The join code stays: it is on the projector for everyone anyway.
    expect(location.search).toBe('?code=K7M4PQ');
    expect(asked).toEqual(['/api/join/cohort']);
  });
});
