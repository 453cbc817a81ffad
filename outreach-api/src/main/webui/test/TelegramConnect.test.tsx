// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { TelegramConnect } from "@/components/TelegramConnect";
import { ApiError } from "@/lib/api";
import { fakeApi, withApp } from "./fakeApp";

afterEach(cleanup);

const PASSWORD = "correct horse 42!"; // 17 characters, as in the report that found the bug

function telegramApi(onPassword: (pw: string) => unknown) {
  return fakeApi({
    "/qr-start": () => ({ qr_code: "data:image/png;base64,iVBORw0KGgo=", token: "tok-1", expires_in: 300 }),
    "/qr-check/": () => ({ status: "password_required", password_hint: "the usual", attempts_left: 3 }),
    "/qr-password/": (c) => onPassword((c.body as { password: string }).password),
    "/qr/": () => undefined,
  });
}

function Opener({ api }: { api: ReturnType<typeof fakeApi>["api"] }) {
  const [open, setOpen] = useState(false);
  return withApp(api, <>
    <button type="button" onClick={() => setOpen(true)}>Open connect</button>
    {open && <TelegramConnect onClose={() => setOpen(false)} />}
  </>);
}

describe("TelegramConnect", () => {
  it("keeps the caret in the password field while a person types it at a human pace", async () => {
    const submitted: string[] = [];
    const { api } = telegramApi((pw) => { submitted.push(pw); return { status: "authorized", session_id: "s-1", message: "Connected." }; });
    const user = userEvent.setup({ delay: 90 }); // 17 keys x 90 ms: the dialog's one-second clock ticks in between
    render(<Opener api={api} />);
    await user.click(screen.getByRole("button", { name: "Open connect" }));
    const field = await screen.findByLabelText(/Telegram password/, {}, { timeout: 5000 });
    await user.click(field);
    await user.keyboard(PASSWORD);
    expect(document.activeElement).toBe(field);
    expect((field as HTMLInputElement).value).toBe(PASSWORD);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByTestId("tg-connected");
    expect(submitted).toEqual([PASSWORD]);
  }, 15_000);

  it("shows a wrong password as a field error and lets the person type again", async () => {
    const { api } = telegramApi(() => { throw new ApiError(422, "password_invalid", "That password is not right.", { attempts_left: 2 }); });
    const user = userEvent.setup({ delay: 60 });
    render(<Opener api={api} />);
    await user.click(screen.getByRole("button", { name: "Open connect" }));
    const field = await screen.findByLabelText(/Telegram password/, {}, { timeout: 5000 });
    await user.click(field);
    await user.keyboard("wrong");
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "That password is not right.");
    expect(screen.getByText(/hint: the usual/)).toBeTruthy();
  }, 15_000);

  it("traps Tab inside the dialog, closes on Escape and gives focus back to the opener", async () => {
    const { api } = telegramApi(() => ({ status: "authorized" }));
    const user = userEvent.setup();
    render(<Opener api={api} />);
    const opener = screen.getByRole("button", { name: "Open connect" });
    await user.click(opener);
    const dialog = screen.getByRole("dialog", { name: "Connect Telegram" });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    for (let i = 0; i < 6; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("says so in words when the login service cannot be reached", async () => {
    const { api } = fakeApi({ "/qr-start": () => { throw new ApiError(503, "http_503", "The Telegram login service is not available right now. Try again in a minute."); } });
    render(withApp(api, <TelegramConnect onClose={() => {}} />));
    await act(async () => {});
    expect((await screen.findByTestId("tg-retry")).textContent).toContain("not available right now");
  });
});
