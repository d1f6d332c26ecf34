"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * Whether the element's content is wider than the element. A region that scrolls sideways must be
 * reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable), so callers give it
 * `tabIndex={0}` exactly then — and no extra tab stop when everything fits.
 */
export function useScrollsSideways(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}
