import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, http } from "../../shared/api/http";
import { redirectToLoginOn401 } from "./api";

function answering(status: number) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ error: "sign-in required" }), { status })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("redirectToLoginOn401", () => {
  it("sends a 401 anywhere but the login page to /login, and nothing else", async () => {
    const location = { pathname: "/", assign: vi.fn() };
    const remove = redirectToLoginOn401(location);
    try {
      answering(403);
      await expect(http.get("/api/symbols")).rejects.toBeInstanceOf(ApiError);
      expect(location.assign).not.toHaveBeenCalled();
      answering(401);
      await expect(http.get("/api/symbols")).rejects.toMatchObject({ status: 401 });
      expect(location.assign).toHaveBeenCalledExactlyOnceWith("/login");
      location.pathname = "/login"; // a wrong password on the login page stays there
      await expect(http.post("/api/auth/login", { name: "a", password: "b" })).rejects.toMatchObject({
        status: 401,
      });
      expect(location.assign).toHaveBeenCalledTimes(1);
    } finally {
      remove();
    }
  });
});
