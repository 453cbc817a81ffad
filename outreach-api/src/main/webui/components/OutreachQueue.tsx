"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { messageOf } from "@/lib/api";
import type { QueuePage } from "@/lib/types";
import { useApp } from "./AppContext";
import { Empty, ErrorBox, ProfileBadge, Spinner, StatusBadge, formatDateTime } from "./ui";

const PAGE_SIZES = [10, 20, 50];

export interface QueueFilters {
  profileType: string;
  minScore: number;
  showClaimed: boolean;
  limit: number;
  offset: number;
}

export const DEFAULT_FILTERS: QueueFilters = { profileType: "", minScore: 0, showClaimed: false, limit: 20, offset: 0 };

/** "Supervisor" means every supervisor: those who are also hustlers ("both") are supervisors too. */
export function apiProfileTypes(profileType: string): string {
  return profileType === "supervisor" || profileType === "hustler" ? `${profileType},both` : profileType;
}

export function queuePath(f: QueueFilters): string {
  const q = new URLSearchParams();
  if (f.profileType) q.set("profile_type", apiProfileTypes(f.profileType));
  if (f.minScore > 0) q.set("min_score", String(f.minScore));
  if (f.showClaimed) q.set("show_claimed", "true");
  q.set("limit", String(f.limit));
  q.set("offset", String(f.offset));
  return `/api/outreach/queue?${q.toString()}`;
}

const PROFILE_VALUES = ["supervisor", "hustler", "both", "unknown"];

/** The queue's filters and page from the address (?profile_type=&min_score=&show_claimed=1&limit=&page=). */
export function filtersFromSearch(search: string): QueueFilters {
  const q = new URLSearchParams(search);
  const profile = q.get("profile_type") ?? "";
  const limit = Number(q.get("limit"));
  const per = PAGE_SIZES.includes(limit) ? limit : DEFAULT_FILTERS.limit;
  const page = clamp(Number(q.get("page") ?? 1), 1, 100_000);
  return {
    profileType: PROFILE_VALUES.includes(profile) ? profile : "",
    minScore: clamp(Number(q.get("min_score") ?? 0), 0, 30),
    showClaimed: q.get("show_claimed") === "1" || q.get("show_claimed") === "true",
    limit: per,
    offset: (page - 1) * per,
  };
}

/** The address part that keeps the filters and the page (defaults left out). */
export function searchOfFilters(f: QueueFilters): string {
  const q = new URLSearchParams();
  if (f.profileType) q.set("profile_type", f.profileType);
  if (f.minScore > 0) q.set("min_score", String(f.minScore));
  if (f.showClaimed) q.set("show_claimed", "1");
  if (f.limit !== DEFAULT_FILTERS.limit) q.set("limit", String(f.limit));
  if (f.offset > 0) q.set("page", String(Math.floor(f.offset / f.limit) + 1));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function OutreachQueue({ onCounts }: { onCounts?: (page: QueuePage, f: QueueFilters) => void }) {
  const { api, subject } = useApp();
  // the filters live in the address too, so Back from a lead, a reload or a shared link keep them
  const [filters, setFilters] = useState<QueueFilters>(() => typeof window === "undefined" ? DEFAULT_FILTERS : filtersFromSearch(window.location.search));
  const [page, setPage] = useState<QueuePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const listRef = useRef<HTMLOListElement>(null);
  const countsRef = useRef(onCounts);
  countsRef.current = onCounts;

  const load = useCallback(async (f: QueueFilters, signal?: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const p = await api.request<QueuePage>("outreach", queuePath(f), { signal, what: "the outreach queue" });
      setPage(p);
      countsRef.current?.(p, f);
    } catch (e) {
      if ((e as Error).name === "AbortError") return;
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    const c = new AbortController();
    load(filters, c.signal);
    return () => c.abort();
  }, [filters, load]);

  const urlSynced = useRef(false);
  useEffect(() => {
    if (!urlSynced.current) { urlSynced.current = true; return; } // the address already holds these filters
    const search = searchOfFilters(filters);
    if (search !== window.location.search) {
      // replace, not push: Back leaves the dashboard instead of stepping through every filter change. The state
      // is null on purpose: the router's patched replaceState then keeps its own state and learns the address.
      window.history.replaceState(null, "", window.location.pathname + search);
    }
  }, [filters]);

  const update = (patch: Partial<QueueFilters>) => setFilters((f) => ({ ...f, offset: 0, ...patch }));

  const onKeyDown = (e: React.KeyboardEvent<HTMLOListElement>) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>("a.lead-link") ?? []);
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    e.preventDefault();
    links[Math.max(0, Math.min(links.length - 1, i + (e.key === "ArrowDown" ? 1 : -1)))]?.focus();
  };

  const total = page?.filtered_count ?? 0;
  // the range of the page on screen (while the next one loads, the old one stays, dimmed)
  const shownOffset = page?.offset ?? 0;
  const from = total === 0 ? 0 : shownOffset + 1;
  const to = Math.min(total, shownOffset + (page?.contacts.length ?? 0));

  return (
    <section className="card" aria-labelledby="queue-title">
      <div className="card-head">
        <h2 id="queue-title">Outreach queue</h2>
        {page && <span className="muted" data-testid="queue-count">{page.filtered_count.toLocaleString("en-US")} pending{page.total_count !== page.filtered_count ? ` of ${page.total_count.toLocaleString("en-US")}` : ""}</span>}
      </div>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Queue filters">
        <label>
          Profile type
          <select value={filters.profileType} onChange={(e) => update({ profileType: e.target.value })}>
            <option value="">All</option>
            <option value="supervisor">Supervisor (incl. both)</option>
            <option value="hustler">Hustler (incl. both)</option>
            <option value="both">Supervisor + hustler</option>
            <option value="unknown">Unknown</option>
          </select>
        </label>
        <label>
          Minimum score
          <input type="number" min={0} max={30} title="Total score, 0–30" value={filters.minScore}
                 onChange={(e) => update({ minScore: clamp(Number(e.target.value), 0, 30) })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={filters.showClaimed} onChange={(e) => update({ showClaimed: e.target.checked })} />
          Show leads claimed by others
        </label>
        <label>
          Per page
          <select value={filters.limit} onChange={(e) => update({ limit: Number(e.target.value) })}>
            {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </form>

      {error && <ErrorBox title="The queue could not be loaded" message={error} onRetry={() => load(filters)} />}
      {!error && loading && !page && <Spinner label="Loading the queue…" />}
      {!error && page && page.contacts.length === 0 && (
        page.total_count === 0 ? (
          <Empty title="No leads yet">
            <p>Import a <code>team_members.json</code> to fill the queue. <Link href="/import/">Go to Import →</Link></p>
          </Empty>
        ) : (
          <Empty title="No leads match these filters">
            <p>Lower the minimum score, choose another profile type, or tick “Show leads claimed by others”.</p>
          </Empty>
        )
      )}
      {!error && page && page.contacts.length > 0 && (
        <>
          <ol className={loading ? "leads is-loading" : "leads"} ref={listRef} onKeyDown={onKeyDown} aria-busy={loading}
              aria-label="Pending leads, best score first (arrow keys move between leads)">
            {page.contacts.map((c, i) => {
              const claimedByOther = c.claimed_by && c.claimed_by !== subject;
              return (
                <li key={c.id} className="lead">
                  <div className="lead-rank" aria-hidden="true">{shownOffset + i + 1}</div>
                  <div className="lead-main">
                    <div className="lead-title">
                      <Link className="lead-link" href={`/contact/?id=${encodeURIComponent(c.id)}`}>{c.name || `Telegram ${c.telegram_id}`}</Link>
                      <ProfileBadge type={c.profile_type} />
                      {c.outreach_status !== "pending" && <StatusBadge status={c.outreach_status} />}
                      {c.claimed_by && (
                        <span className={claimedByOther ? "badge badge-warn" : "badge badge-info"}>
                          {claimedByOther ? `claimed by ${c.claimed_by}` : "claimed by you"}{c.claimed_until ? ` until ${formatDateTime(c.claimed_until)}` : ""}
                        </span>
                      )}
                    </div>
                    {c.top_signals.length > 0 && (
                      <ul className="signals" aria-label="Top signals">
                        {c.top_signals.slice(0, 4).map((s) => <li key={s}>{s}</li>)}
                      </ul>
                    )}
                    {c.sample_messages.length > 0 && (
                      <p className="sample" title={c.sample_messages[0]}>“{c.sample_messages[0]}”</p>
                    )}
                  </div>
                  <div className="scores" aria-label={`Total score ${c.total_score}`}>
                    <span className="score-total">{c.total_score}</span>
                    <span className="score-split">S {c.supervisor_score} · H {c.hustler_score}</span>
                  </div>
                </li>
              );
            })}
          </ol>
          <nav className="pager" aria-label="Queue pages">
            <button type="button" className="btn btn-small" disabled={filters.offset === 0 || loading}
                    onClick={() => setFilters((f) => ({ ...f, offset: Math.max(0, f.offset - f.limit) }))}>← Previous</button>
            <span className="muted">{from}–{to} of {total.toLocaleString("en-US")}</span>
            <button type="button" className="btn btn-small" disabled={filters.offset + filters.limit >= total || loading}
                    onClick={() => setFilters((f) => ({ ...f, offset: f.offset + f.limit }))}>Next →</button>
          </nav>
        </>
      )}
    </section>
  );
}

function clamp(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return lo;
  return Math.max(lo, Math.min(hi, Math.round(n)));
}
