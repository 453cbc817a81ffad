"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { messageOf } from "@/lib/api";
import { importFraction, importLabel, newImportId, type ProgressLike } from "@/lib/importProgress";
import type { ImportReport } from "@/lib/types";
import { useApp, usePageTitle } from "./AppContext";
import { ErrorBox } from "./ui";

const MAX_LISTED = 200;

export function ImportLeads() {
  const { api } = useApp();
  usePageTitle("Import leads");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<ProgressLike | null>(null);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const run = async () => {
    if (!file) return;
    setRunning(true);
    setError(null);
    setReport(null);
    setProgress(null);
    const id = newImportId();
    let done = false;
    const poll = async () => {
      while (!done) {
        await new Promise((r) => setTimeout(r, 400));
        if (done) break;
        try {
          const p = await api.request<ProgressLike>("leads", `/api/leads/imports/${encodeURIComponent(id)}`, { what: "the lead import service" });
          if (!done) setProgress(p);
        } catch {
          /* not started yet (404) or a blip: keep waiting for the upload's answer */
        }
      }
    };
    poll();
    try {
      const r = await api.request<ImportReport>("leads", `/api/leads/import?import_id=${encodeURIComponent(id)}`,
        { method: "POST", rawBody: file, contentType: "application/json", what: "the lead import service" });
      setReport(r);
      setProgress({ ...r, state: r.state });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      done = true;
      setRunning(false);
    }
  };

  const pick = (f: File | null | undefined) => {
    if (!f) return;
    setFile(f);
    setReport(null);
    setError(null);
    setProgress(null);
  };

  const fraction = importFraction(progress);

  return (
    <div className="narrow-wide">
      <h1 className="page-title">Import leads</h1>
      <section className="card">
        <p>Upload a <code>team_members.json</code> (the analysis of your team’s Telegram history). Valid leads go to the queue; each rejected record is listed with the reason. Importing the same lead again updates it.</p>
        <div className={dragging ? "dropzone dragging" : "dropzone"}
             onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
             onDragLeave={() => setDragging(false)}
             onDrop={(e) => { e.preventDefault(); setDragging(false); pick(e.dataTransfer.files?.[0]); }}>
          <input ref={inputRef} id="lead-file" type="file" accept=".json,application/json" className="visually-hidden"
                 onChange={(e) => pick(e.target.files?.[0])} data-testid="lead-file" />
          <label htmlFor="lead-file" className="btn">Choose a file…</label>
          <span className="muted">{file ? `${file.name} (${formatSize(file.size)})` : "or drop it here"}</span>
        </div>
        <button type="button" className="btn btn-primary" disabled={!file || running} onClick={run}>
          {running ? "Importing…" : "Import"}
        </button>
        {(running || progress) && (
          <div className="progress-block" role="status" aria-live="polite">
            <p className="small">{importLabel(progress)}</p>
            <div className={fraction === null ? "progress indeterminate" : "progress"}
                 role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}>
              <div className="progress-bar" style={{ width: fraction === null ? "30%" : `${Math.round(fraction * 100)}%` }} />
            </div>
          </div>
        )}
        {error && <ErrorBox title="The import did not go through" message={error} />}
      </section>

      {report && (
        <section className="card" aria-labelledby="report-title" data-testid="import-report">
          <div className="card-head">
            <h2 id="report-title">Import report</h2>
            <span className={report.state === "completed" ? "badge badge-good" : "badge badge-bad"}>{report.state}</span>
          </div>
          <dl className="report-counts">
            <div><dt>Received</dt><dd data-testid="report-received">{report.received}</dd></div>
            <div><dt>Accepted</dt><dd data-testid="report-accepted">{report.accepted}</dd></div>
            <div><dt>Rejected</dt><dd data-testid="report-rejected">{report.rejected}</dd></div>
            <div><dt>Duplicates</dt><dd>{report.duplicates}</dd></div>
          </dl>
          {report.accepted > 0 && <p><Link href="/">Go to the queue →</Link></p>}
          {(report.rejections?.length ?? 0) > 0 && (
            <>
              <h3>Rejected records</h3>
              <div className="table-wrap">
                <table className="table">
                  <thead><tr><th scope="col">#</th><th scope="col">Telegram id</th><th scope="col">Field</th><th scope="col">Reason</th></tr></thead>
                  <tbody>
                    {report.rejections!.slice(0, MAX_LISTED).map((r, i) => (
                      <tr key={`${r.index}-${i}`}><td>{r.index}</td><td>{r.telegram_id ?? "—"}</td><td>{r.field ?? "—"}</td><td>{r.reason}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {report.rejections!.length > MAX_LISTED && <p className="muted small">The first {MAX_LISTED} of {report.rejections!.length} are shown.</p>}
            </>
          )}
          {report.duplicates > 0 && <p className="muted small">{report.duplicates} record{report.duplicates === 1 ? " was" : "s were"} repeated in the file; the last copy of each lead was kept.</p>}
        </section>
      )}
    </div>
  );
}

function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
