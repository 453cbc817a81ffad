"use client";

import { useEffect, useRef, useState, type RefObject } from "react";

/** The element's width in CSS pixels (at least `min`), followed as it resizes; charts draw one SVG unit per pixel. */
export function useWidth<T extends HTMLElement>(initial: number, min: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [w, setW] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setW(Math.max(min, Math.round(el.clientWidth)));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [min]);
  return [ref, w];
}
