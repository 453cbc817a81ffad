import { describe, expect, it } from "vitest";
import { errorFromResponse } from "@/lib/api";
import { endedLogin, initialQr, nextPollMs, qrReducer, secondsLeft, type QrEvent, type QrState } from "@/lib/qrFlow";

const run = (events: QrEvent[], s: QrState = initialQr) => events.reduce(qrReducer, s);
const started: QrEvent = { type: "started", token: "t1", qrCode: "data:image/png;base64,AAA", expiresIn: 120, now: 0 };

describe("QR login state machine", () => {
  it("starts, polls every 2 s while waiting, and stops once connected", () => {
    let s = run([{ type: "start" }]);
    expect(s.phase).toBe("starting");
    expect(nextPollMs(s)).toBeNull();
    s = qrReducer(s, started);
    expect(s.phase).toBe("scan");
    expect(nextPollMs(s)).toBe(2000);
    s = qrReducer(s, { type: "check", answer: { status: "authorized", session_id: "session-1" }, now: 2000 });
    expect(s.phase).toBe("connected");
    expect(s.sessionId).toBe("session-1");
    expect(nextPollMs(s)).toBeNull();
  });
  it("shows a rotated code and counts rotations; an unchanged or omitted code is no rotation", () => {
    const s = run([{ type: "start" }, started,
      { type: "check", answer: { status: "pending", qr_version: 1 }, now: 2000 },
      { type: "check", answer: { status: "pending", qr_code: "data:image/png;base64,AAA", qr_version: 1 }, now: 4000 },
      { type: "check", answer: { status: "pending", qr_code: "data:image/png;base64,BBB", qr_version: 2 }, now: 6000 }]);
    expect(s.qrCode).toBe("data:image/png;base64,BBB");
    expect(s.qrVersion).toBe(2);
    expect(s.rotations).toBe(1);
  });
  it("goes through the 2FA step: wrong password keeps the step, then connected", () => {
    let s = run([{ type: "start" }, started, { type: "check", answer: { status: "password_required", password_hint: "pet", attempts_left: 3 }, now: 1 }]);
    expect(s.phase).toBe("password");
    expect(s.passwordHint).toBe("pet");
    expect(nextPollMs(s)).toBe(2000);
    s = qrReducer(s, { type: "submit_password" });
    expect(s.phase).toBe("submitting");
    s = qrReducer(s, { type: "password_wrong", message: "Wrong password, try again.", attemptsLeft: 2 });
    expect(s).toMatchObject({ phase: "password", passwordError: "Wrong password, try again.", attemptsLeft: 2 });
    expect(qrReducer(qrReducer(s, { type: "submit_password" }), { type: "password_wrong", message: "wrong; 1 attempt(s) left." }).attemptsLeft).toBeNull();
    s = qrReducer(qrReducer(s, { type: "submit_password" }), { type: "check", answer: { status: "authorized", session_id: "s" }, now: 3 });
    expect(s.phase).toBe("connected");
  });
  it("expires on the server's 410 answer or locally at expires_in, and 'try again' starts fresh", () => {
    let s = run([{ type: "start" }, started, { type: "check", answer: { status: "expired", message: "QR code expired. Please try again." }, now: 5 }]);
    expect(s.phase).toBe("expired");
    expect(nextPollMs(s)).toBeNull();
    s = run([{ type: "start" }, started, { type: "tick", now: 119_000 }]);
    expect(s.phase).toBe("scan");
    expect(secondsLeft(s, 119_000)).toBe(1);
    s = qrReducer(s, { type: "tick", now: 120_000 });
    expect(s.phase).toBe("expired");
    s = run([{ type: "start" }], s);
    expect(s).toMatchObject({ phase: "starting", token: null, rotations: 0 });
  });
  it("ignores late poll answers after the flow ended, and a 410 error means expired", () => {
    const done = run([{ type: "start" }, started, { type: "check", answer: { status: "authorized" }, now: 1 }]);
    expect(qrReducer(done, { type: "check", answer: { status: "pending" }, now: 2 })).toBe(done);
    expect(run([{ type: "start" }, started, { type: "error", message: "gone", status: 410 }]).phase).toBe("expired");
    expect(run([{ type: "start" }, { type: "error", message: "Could not reach…", status: 0 }]).phase).toBe("error");
  });
});

describe("endedLogin", () => {
  it("reads the 410 problem of a login that is over", () => {
    const e = errorFromResponse(410, JSON.stringify({ type: "tag:x:login_failed", title: "Login failed", status: 410,
      code: "login_failed", detail: "Too many wrong passwords", login_status: "failed", attempts_left: 0 }), "x");
    expect(endedLogin(e)).toEqual({ status: "failed", message: "Too many wrong passwords", attempts_left: 0, simulated: undefined });
    expect(run([started, { type: "check", answer: endedLogin(e)!, now: 1000 }]).phase).toBe("failed");
  });
  it("ignores other errors", () => {
    expect(endedLogin(errorFromResponse(404, "", "x"))).toBeNull();
    expect(endedLogin(new Error("x"))).toBeNull();
  });
});
