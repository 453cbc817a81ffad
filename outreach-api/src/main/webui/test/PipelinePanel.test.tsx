// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { PipelinePanel } from "@/components/PipelinePanel";
import { ApiError } from "@/lib/api";
import { fakeApi, withApp } from "./fakeApp";

afterEach(cleanup);

describe("PipelinePanel", () => {
  it("moves the stage, says why a move is refused, saves tags and adds a team note", async () => {
    let refuse = true;
    const { api, calls } = fakeApi({
      "/stage": (c) => {
        if (refuse) throw new ApiError(409, "stage_transition_not_allowed", "a lead moves from pending only to contacted, rejected or not_now, not to joined");
        return { stage: (c.body as { stage: string }).stage };
      },
      "/tags": (c) => ({ tags: (c.body as { tags: string[] }).tags.map((t) => t.toLowerCase()) }),
      "/notes": (c) => c.method === "POST"
        ? { note_id: "note-1", text: (c.body as { text: string }).text, author: "alice", created_at: "2026-12-03T18:00:00.000Z" }
        : { notes: [] },
    });
    const stages: string[] = [];
    const user = userEvent.setup();
    render(withApp(api, <PipelinePanel contactId="contact-a-1" pipeline={{ stage: "pending", tags: ["hot"] }}
      onStage={(s) => stages.push(s)} />));

    await user.selectOptions(screen.getByLabelText("Stage"), "joined");
    await user.click(screen.getByRole("button", { name: "Move" }));
    expect(await screen.findByText(/only to contacted, rejected or not_now/)).toBeTruthy();
    expect(stages).toEqual([]);

    refuse = false;
    await user.selectOptions(screen.getByLabelText("Stage"), "not_now");
    await user.type(screen.getByLabelText("Come back on"), "2027-01-15");
    await user.click(screen.getByRole("button", { name: "Move" }));
    expect(await screen.findByText("Stage saved.")).toBeTruthy();
    expect(stages).toEqual(["not_now"]);
    expect(calls.filter((c) => c.path.endsWith("/stage")).at(-1)?.body).toMatchObject({ stage: "not_now", until: "2027-01-15" });

    const tags = screen.getByLabelText("Tags (comma-separated)");
    await user.clear(tags);
    await user.type(tags, "Hot, Cohort-7");
    await user.click(screen.getByRole("button", { name: "Save tags" }));
    expect(await screen.findByText("Tags saved.")).toBeTruthy();
    expect((tags as HTMLInputElement).value).toBe("hot, cohort-7");

    await user.type(screen.getByLabelText("New note"), "Prefers calls after 6pm");
    await user.click(screen.getByRole("button", { name: "Add note" }));
    expect(await screen.findByText("Prefers calls after 6pm")).toBeTruthy();
  });
});
