"use client";

import { useCallback, useEffect, useId, useState } from "react";
import { messageOf } from "@/lib/api";
import {
  analyticsPath, COMPARISON_COLUMNS, downloadCsv, duration, FIGURE_COLUMNS, funnelPath, FUNNEL_COLUMNS, GROUPINGS,
  groupWords, percent, rateWithInterval, toCsv, type AnalyticsAnswer, type Column, type FunnelAnswer, type Grouping,
} from "@/lib/analytics";
import { useApp, usePageTitle } from "./AppContext";
import { FunnelChart } from "./FunnelChart";
import { RateChart } from "./RateChart";
import { ErrorBox, Spinner } from "./ui";

type Owner = "me" | "team";

/** The analytics page: outcomes per grouping for the member or the team, the variant test, the funnel; CSV of every table. */
export function AnalyticsView() {
  const { api } = useApp();
  usePageTitle("Analytics");
  const [groupBy, setGroupBy] = useState<Grouping>("variant");
  const [owner, setOwner] = useState<Owner>("me");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [data, setData] = useState<AnalyticsAnswer | null>(null);
  const [funnel, setFunnel] = useState<FunnelAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const ids = useId();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [a, f] = await Promise.all([
        api.request<AnalyticsAnswer>("outreach", analyticsPath(groupBy, owner, from, to), { what: "the analytics" }),
        api.request<FunnelAnswer>("outreach", funnelPath(owner, from, to), { what: "the funnel" }),
      ]);
      setData(a);
      setFunnel(f);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [api, groupBy, owner, from, to]);

  useEffect(() => { load(); }, [load]);

  const scope = owner === "me" ? "Your messages" : "The whole team's messages";
  const file = (what: string) => `outreach-${what}-${owner}-${groupBy}${from ? "-from-" + from : ""}${to ? "-to-" + to : ""}.csv`;
  return (
    <div className="analytics">
      <h1 className="page-title">Analytics</h1>
      <form className="card analytics-controls" onSubmit={(e) => { e.preventDefault(); load(); }} aria-label="What to count">
        <label htmlFor={`${ids}-group`}>Group by
          <select id={`${ids}-group`} value={groupBy} onChange={(e) => setGroupBy(e.target.value as Grouping)}>
            {GROUPINGS.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
          </select>
        </label>
        <fieldset className="segmented">
          <legend>Whose messages</legend>
          <label><input type="radio" name={`${ids}-owner`} checked={owner === "me"} onChange={() => setOwner("me")} /> Mine</label>
          <label><input type="radio" name={`${ids}-owner`} checked={owner === "team"} onChange={() => setOwner("team")} /> Team</label>
        </fieldset>
        <label htmlFor={`${ids}-from`}>Sent from
          <input id={`${ids}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label htmlFor={`${ids}-to`}>to
          <input id={`${ids}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </form>
      {error && <ErrorBox message={error} onRetry={load} />}
      {loading && !data && <Spinner label="Counting…" />}
      {data && (
        <>
          <p className="muted small" data-testid="analytics-scope">
            {scope} ({data.owner === "me" ? data.member : "all members"}), sent {data.from.slice(0, 10)} to {data.to.slice(0, 10)} (UTC).
            A message counts once: <strong>positive</strong> if any reply was interested or a question,
            <strong> opted out</strong> if any reply asked to stop (never positive), corrected labels as corrected.
          </p>
          <section className="card" aria-labelledby={`${ids}-chart`}>
            <div className="card-head"><h2 id={`${ids}-chart`}>Reply and positive rate by {GROUPINGS.find((g) => g.value === data.group_by)?.label.toLowerCase()}</h2></div>
            {data.groups.length === 0 ? <p className="muted">No message was sent in this period.</p> : (
              <RateChart label={`Reply rate and positive rate per ${data.group_by}, with 95 % intervals`}
                         groups={data.groups.map((g) => ({ name: groupWords(data.group_by, g.key), f: g }))} />
            )}
          </section>
          <CsvTable title="Figures" caption={`${scope} by ${data.group_by}`} testId="figures" rows={[...data.groups, { ...data.total, key: "total" }]}
                    columns={FIGURE_COLUMNS} file={file("figures")} render={(f) => [
                      groupWords(data.group_by, f.key), f.sent, f.replied, f.positive, f.negative, f.unsubscribed,
                      rateWithInterval(f.reply_rate, f.reply_rate_low, f.reply_rate_high),
                      rateWithInterval(f.positive_rate, f.positive_rate_low, f.positive_rate_high), duration(f.median_seconds_to_first_reply)]}
                    headers={["Group", "Sent", "Replied", "Positive", "Negative", "Opted out", "Reply rate (95 %)", "Positive rate (95 %)", "Median first reply"]} />
          {data.group_by === "variant" && (
            <section className="card" aria-labelledby={`${ids}-test`}>
              <div className="card-head">
                <h2 id={`${ids}-test`}>Do the variants differ?</h2>
                {data.comparisons.length > 0 && <button type="button" className="btn btn-small" onClick={() => downloadCsv(file("variant-test"), toCsv(data.comparisons, COMPARISON_COLUMNS))}>Export CSV</button>}
              </div>
              {data.comparisons.length === 0 ? <p className="muted">Two variants with sends are needed to compare.</p> : (
                <ul className="verdicts" data-testid="verdicts">
                  {data.comparisons.map((c) => (
                    <li key={`${c.metric}-${c.a}-${c.b}`} className={c.significant ? "verdict verdict-yes" : "verdict"}>
                      <strong>{c.metric === "reply_rate" ? "Reply rate" : "Positive rate"}: {c.a} {percent(c.rate_a, 1)} vs {c.b} {percent(c.rate_b, 1)}</strong>
                      {" — "}{c.significant ? `a real difference (p = ${c.p_value.toFixed(3)})`
                        : c.more_sends_needed === null ? "no difference so far"
                          : `not yet significant (p = ${c.p_value.toFixed(2)}); about ${c.more_sends_needed.toLocaleString("en-US")} more sends would tell`}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
      {funnel && (
        <section className="card" aria-labelledby={`${ids}-funnel`}>
          <div className="card-head">
            <h2 id={`${ids}-funnel`}>Pipeline funnel</h2>
            <button type="button" className="btn btn-small" onClick={() => downloadCsv(file("funnel"), toCsv(funnel.steps, FUNNEL_COLUMNS))}>Export CSV</button>
          </div>
          <p className="muted small">Leads sent a message in the period, by how far they got (a lead counts in every step up to its stage now).</p>
          <FunnelChart funnel={funnel} title={`Pipeline funnel of ${owner === "me" ? "your" : "the team's"} leads`} />
          <p className="small muted">Now: {Object.entries(funnel.stages_now).filter(([, n]) => n > 0).map(([s, n]) => `${s.replace(/_/g, " ")} ${n}`).join(", ") || "none"}</p>
        </section>
      )}
    </div>
  );
}

/** A table of figures with a CSV export of the rows as the API gave them (the screen shows them in words). */
function CsvTable<T>({ title, caption, rows, columns, headers, render, file, testId }: {
  title: string; caption: string; rows: T[]; columns: Column<T>[]; headers: string[]; render: (row: T) => (string | number)[];
  file: string; testId: string;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id} data-testid={`table-${testId}`}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="btn btn-small" onClick={() => downloadCsv(file, toCsv(rows, columns))}>Export CSV</button>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways)`}>
        <table className="table">
          <caption className="sr-only">{caption}</caption>
          <thead><tr>{headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>{render(r).map((v, k) => k === 0 ? <th key={k} scope="row">{v}</th> : <td key={k}>{typeof v === "number" ? v.toLocaleString("en-US") : v}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
