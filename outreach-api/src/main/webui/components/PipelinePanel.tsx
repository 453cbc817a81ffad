"use client";

import { useCallback, useEffect, useState } from "react";
import { messageOf } from "@/lib/api";
import type { PipelineInfo } from "@/lib/types";
import { useApp } from "./AppContext";
import { formatDateTime } from "./ui";

/** The stages a member can pick (do-not-contact has its own button); the API says why a move is refused. */
export const STAGES: { value: string; label: string }[] = [
  { value: "pending", label: "Pending" },
  { value: "contacted", label: "Contacted" },
  { value: "replied", label: "Replied" },
  { value: "interested", label: "Interested" },
  { value: "call_booked", label: "Call booked" },
  { value: "joined", label: "Joined" },
  { value: "rejected", label: "Rejected" },
  { value: "not_now", label: "Not now" },
];

interface Note { note_id: string; text: string; author: string; created_at: string }

/** Stage, tags and the team's notes of one lead, on the contact page. */
export function PipelinePanel({ contactId, pipeline, onStage }: {
  contactId: string; pipeline: PipelineInfo; onStage: (stage: string) => void;
}) {
  const { api } = useApp();
  const base = `/api/outreach/contacts/${encodeURIComponent(contactId)}`;
  const [stage, setStage] = useState(pipeline.stage);
  const [stageNote, setStageNote] = useState("");
  const [until, setUntil] = useState("");
  const [stageMsg, setStageMsg] = useState<string | null>(null);
  const [tags, setTags] = useState((pipeline.tags ?? []).join(", "));
  const [tagsMsg, setTagsMsg] = useState<string | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [noteText, setNoteText] = useState("");
  const [notesMsg, setNotesMsg] = useState<string | null>(null);

  const loadNotes = useCallback(async () => {
    try {
      const a = await api.request<{ notes: Note[] }>("outreach", `${base}/notes`);
      setNotes(a.notes);
    } catch (e) {
      setNotesMsg(messageOf(e));
    }
  }, [api, base]);
  useEffect(() => { loadNotes(); }, [loadNotes]);

  const moveStage = async () => {
    setStageMsg(null);
    try {
      const a = await api.request<{ stage: string }>("outreach", `${base}/stage`, { method: "PUT",
        body: { stage, note: stageNote || undefined, until: stage === "not_now" ? until : undefined } });
      onStage(a.stage);
      setStageNote("");
      setStageMsg("Stage saved.");
    } catch (e) {
      setStageMsg(messageOf(e));
    }
  };

  const saveTags = async () => {
    setTagsMsg(null);
    try {
      const list = tags.split(",").map((t) => t.trim()).filter((t) => t.length > 0);
      const a = await api.request<{ tags: string[] }>("outreach", `${base}/tags`, { method: "PUT", body: { tags: list } });
      setTags(a.tags.join(", "));
      setTagsMsg("Tags saved.");
    } catch (e) {
      setTagsMsg(messageOf(e));
    }
  };

  const addNote = async () => {
    setNotesMsg(null);
    try {
      const n = await api.request<Note>("outreach", `${base}/notes`, { method: "POST", body: { text: noteText } });
      setNotes((prev) => [n, ...prev]);
      setNoteText("");
    } catch (e) {
      setNotesMsg(messageOf(e));
    }
  };

  return (
    <section className="card" aria-labelledby="pipeline-title">
      <h2 id="pipeline-title" className="sub">Pipeline</h2>
      <div className="pipeline-row">
        <label>Stage
          <select value={stage} onChange={(e) => setStage(e.target.value)}>
            {STAGES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
        {stage === "not_now" && (
          <label>Come back on
            <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          </label>
        )}
        <label>Note (optional)
          <input type="text" value={stageNote} maxLength={1000} onChange={(e) => setStageNote(e.target.value)} />
        </label>
        <button type="button" className="btn btn-small" onClick={moveStage}>Move</button>
      </div>
      {stageMsg && <p className="small" role="status">{stageMsg}</p>}

      <div className="pipeline-row">
        <label>Tags (comma-separated)
          <input type="text" value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
        <button type="button" className="btn btn-small" onClick={saveTags}>Save tags</button>
      </div>
      {tagsMsg && <p className="small" role="status">{tagsMsg}</p>}

      <h3 className="sub">Team notes</h3>
      <label>New note
        <textarea rows={2} value={noteText} maxLength={2000} onChange={(e) => setNoteText(e.target.value)} />
      </label>
      <p><button type="button" className="btn btn-small" onClick={addNote} disabled={noteText.trim() === ""}>Add note</button></p>
      {notesMsg && <p className="small" role="alert">{notesMsg}</p>}
      {notes.length === 0 ? <p className="muted small">No notes yet.</p> : (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.note_id}><p className="note-text">{n.text}</p>
              <span className="muted small">{n.author} · {formatDateTime(n.created_at)}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}
