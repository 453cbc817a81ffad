// An edit that was not saved yet, kept per lead in sessionStorage so leaving the page (or a reload) does not
// lose it; it belongs to one message version and is dropped once saved, sent or replaced.

export interface Draft { messageId: string; text: string }

const key = (contactId: string) => `outreach.draft.${contactId}`;

export function loadDraft(contactId: string, messageId: string): string | null {
  try {
    const raw = window.sessionStorage.getItem(key(contactId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    return d.messageId === messageId && typeof d.text === "string" ? d.text : null;
  } catch {
    return null;
  }
}

export function saveDraft(contactId: string, draft: Draft | null): void {
  try {
    if (draft) window.sessionStorage.setItem(key(contactId), JSON.stringify(draft));
    else window.sessionStorage.removeItem(key(contactId));
  } catch {
    /* storage full or unavailable: the leave warning still protects the edit */
  }
}
