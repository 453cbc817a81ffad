"use client";

import { useEffect, useRef, type RefObject } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest("[hidden]"));
}

/**
 * A modal dialog's keyboard behaviour, set up once when it opens (never on every render: re-focusing the dialog
 * on each render took the caret out of the field a person was typing in): focus moves into the dialog, Tab and
 * Shift+Tab stay inside it, Escape closes it, and focus returns to where it was when the dialog closes.
 */
export function useDialog(ref: RefObject<HTMLElement | null>, onEscape: () => void,
                          fallbackFocus: () => HTMLElement | null = () => document.getElementById("main")): void {
  const escape = useRef(onEscape);
  escape.current = onEscape;
  const fallback = useRef(fallbackFocus);
  fallback.current = fallbackFocus;

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!root.contains(document.activeElement)) root.focus();

    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        escape.current();
        return;
      }
      if (e.key !== "Tab") return;
      const items = focusables(root);
      const active = document.activeElement;
      if (items.length === 0) {
        e.preventDefault();
        root.focus();
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      if (!root.contains(active)) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      } else if (e.shiftKey && (active === first || active === root)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      // the opener may be gone (the header's Connect button turns into "Telegram connected")
      const back = opener && opener.isConnected ? opener : fallback.current();
      back?.focus();
    };
  }, [ref]);
}
