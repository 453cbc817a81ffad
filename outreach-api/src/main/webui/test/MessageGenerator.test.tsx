// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MessageGenerator } from "@/components/MessageGenerator";
import { ApiError } from "@/lib/api";
import type { ContactDetail, GeneratedMessage } from "@/lib/types";
import { fakeApi, withApp } from "./fakeApp";

afterEach(cleanup);
beforeEach(() => window.sessionStorage.clear());

const contact: ContactDetail = {
  id: "contact-ha-eun-1", name: "Ha-eun | crypto", telegram_id: 1, profile_type: "hustler", supervisor_score: 5,
  hustler_score: 12, total_score: 17, top_signals: [], sample_messages: [], outreach_status: "pending",
};

const template: GeneratedMessage = {
  message_id: "msg-1", version: 1, generated_by: "template", warning: "Claude CLI could not start (IOException)",
  message_text: "Hey Ha-eun | crypto, came across your profile. Interested?",
  personalization_context: { hook: { type: "earner", text: "Any opportunities to earn here?", message_id: 1717802, date: "2024-10-14T02:00:00" } },
};

function generatorApi(extra: Record<string, (c: { body?: unknown }) => unknown> = {}, earlier: GeneratedMessage[] = []) {
  return fakeApi({
    "/messages/msg-1": (c) => ({ ...template, message_text: (c.body as { message_text: string }).message_text, edited: true }),
    "/messages": () => ({ messages: earlier }),
    "/generate-message/": () => template,
    ...extra,
  });
}

describe("MessageGenerator", () => {
  it("template fallback: plain words, the name without its tag, no raw ids or dates, focus in the text", async () => {
    const { api } = generatorApi();
    const user = userEvent.setup();
    render(withApp(api, <MessageGenerator contact={contact} onSent={() => {}} />));
    await user.click(screen.getByRole("button", { name: "Generate message" }));
    const text = await screen.findByLabelText(/^Message/) as HTMLTextAreaElement;
    expect(text.value.startsWith("Hey Ha-eun, came across")).toBe(true);
    const warning = screen.getByTestId("template-warning").textContent ?? "";
    expect(warning).toContain("standard template");
    expect(warning).not.toMatch(/Claude|IOException/);
    const page = document.body.textContent ?? "";
    expect(page).not.toContain("1717802");
    expect(page).not.toContain("2024-10-14T");
    await waitFor(() => expect(document.activeElement).toBe(text));
  });

  it("a lead another member is writing to offers no Generate", async () => {
    const { api, calls } = generatorApi();
    const until = new Date(Date.now() + 3600_000).toISOString();
    render(withApp(api, <MessageGenerator contact={{ ...contact, claimed_by: "bob", claimed_until: until }} onSent={() => {}} />));
    expect(screen.getByTestId("claimed-by-other").textContent).toContain("bob");
    expect(screen.queryByRole("button", { name: "Generate message" })).toBeNull();
    expect(calls.some((c) => c.path.includes("generate-message"))).toBe(false);
  });

  it("keeps an unsaved edit across a remount and asks before Regenerate overwrites it", async () => {
    const { api, calls } = generatorApi({}, [template]);
    const user = userEvent.setup({ delay: 20 });
    const first = render(withApp(api, <MessageGenerator contact={contact} onSent={() => {}} />));
    const text = await screen.findByLabelText(/^Message/) as HTMLTextAreaElement;
    await user.click(text);
    await user.keyboard(" Cheers!");
    first.unmount(); // the member leaves the page without saving
    render(withApp(api, <MessageGenerator contact={contact} onSent={() => {}} />));
    const again = await screen.findByLabelText(/^Message/) as HTMLTextAreaElement;
    await waitFor(() => expect(again.value.endsWith("Interested? Cheers!")).toBe(true));
    expect(screen.getByTestId("draft-restored")).toBeTruthy();
    const generations = calls.filter((c) => c.path.includes("generate-message")).length;
    await user.click(screen.getByRole("button", { name: "Regenerate" }));
    expect(screen.getByTestId("regenerate-confirm")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Keep my text" }));
    expect(again.value.endsWith("Cheers!")).toBe(true);
    expect(calls.filter((c) => c.path.includes("generate-message")).length).toBe(generations);
  });

  it("Mark as sent moves focus to the confirmation, and Undo takes it back", async () => {
    const statuses: string[] = [];
    const { api, calls } = generatorApi({
      "/mark-sent/undo": () => ({ success: true, contact_status: "pending" }),
      "/mark-sent": () => ({ success: true, contact_status: "contacted", sent_at: "2026-12-03T10:00:00.000Z" }),
    }, [{ ...template, warning: undefined, generated_by: "claude", message_text: "Hi Ha-eun, saw your raid work." }]);
    const user = userEvent.setup();
    render(withApp(api, <MessageGenerator contact={contact} onSent={(a) => statuses.push(a.contact_status)} />));
    await screen.findByLabelText(/^Message/);
    await user.click(screen.getByRole("button", { name: "Mark as sent" }));
    const notice = await screen.findByTestId("sent-notice");
    await waitFor(() => expect(document.activeElement).toBe(notice));
    await user.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(screen.queryByTestId("sent-notice")).toBeNull());
    expect(screen.getByRole("button", { name: "Mark as sent" })).toBeTruthy();
    expect(statuses).toEqual(["contacted", "pending"]);
    expect(calls.find((c) => c.path === "/api/outreach/mark-sent/undo")?.body).toEqual({ contact_id: contact.id, message_id: "msg-1" });
  });

  it("says in words when the writer is not available", async () => {
    const { api } = generatorApi({ "/generate-message/": () => { throw new ApiError(503, "http_503", "The message writer is not available right now. Try again in a minute."); } });
    const user = userEvent.setup();
    render(withApp(api, <MessageGenerator contact={contact} onSent={() => {}} />));
    await user.click(screen.getByRole("button", { name: "Generate message" }));
    expect((await screen.findByRole("alert")).textContent).toContain("not available right now");
  });
});
