// Copying a link to the clipboard. navigator.clipboard exists only in a
// secure context (https or localhost); a page opened over plain http at a
// LAN address falls back to copying a selection.

/** Copies `text`; resolves false when the browser allows neither way. */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, page not focused): try the selection below.
    }
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  try {
    // Deprecated, but the only copy a page outside a secure context has.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}
