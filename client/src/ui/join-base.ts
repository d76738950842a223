// The address the join link, its QR code and the other links are built on
// (the rule is shared/join/join-address.ts): asks the server for PUBLIC_URL
// and its LAN addresses once per page, and remembers in this browser the
// address the instructor picked. The console and a projector opened in the
// same browser read the same pick (and follow it across tabs); a projector
// opened from the console's link is at the picked address already.
import { useCallback, useEffect, useState } from 'react';
import { chooseJoinBase, type JoinAddresses, type JoinBase } from '../../../shared/join/join-address.ts';

const PICK_KEY = 'civic-rehearsal.join-base';
const NONE: JoinAddresses = { publicUrl: null, addresses: [] };

let asked: Promise<JoinAddresses> | null = null;

function joinAddresses(): Promise<JoinAddresses> {
  asked ??= fetch('/api/join-addresses')
    .then((res) => (res.ok ? (res.json() as Promise<JoinAddresses>) : NONE))
    // An unreachable answer leaves the page's own address, as before there was a choice.
    .catch(() => NONE);
  return asked;
}

function loadPick(): string | null {
  try {
    return localStorage.getItem(PICK_KEY);
  } catch {
    return null;
  }
}

function savePick(base: string): void {
  try {
    localStorage.setItem(PICK_KEY, base);
  } catch {
    // Private mode: the pick lasts for this page.
  }
}

/** The join base, null until the server has answered; and how the instructor picks another LAN address. */
export function useJoinBase(): { choice: JoinBase | null; pick: (base: string) => void } {
  const [available, setAvailable] = useState<JoinAddresses | null>(null);
  const [picked, setPicked] = useState<string | null>(loadPick);

  useEffect(() => {
    let current = true;
    void joinAddresses().then((answer) => current && setAvailable(answer));
    const onStorage = (event: StorageEvent) => {
      if (event.key === PICK_KEY) setPicked(event.newValue);
    };
    addEventListener('storage', onStorage);
    return () => {
      current = false;
      removeEventListener('storage', onStorage);
    };
  }, []);

  const pick = useCallback((base: string) => {
    savePick(base);
    setPicked(base);
  }, []);

  return { choice: available && chooseJoinBase(location.origin, available, picked), pick };
}
