import { type FormEvent, useState } from "react";
import { ROUTES } from "../../app/routes";
import { ApiError } from "../../shared/api/http";
import { Page } from "../../shared/ui/Page";
import { login } from "./api";

/** The login page (`/login`, password mode): a 401 anywhere else leads here
 * (`redirectToLoginOn401`); signing in loads the dashboard with the new session. */
export function LoginPage() {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(name, password);
      window.location.assign(ROUTES.dashboard);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <Page testId="page-login" title="Sign in">
      <form
        onSubmit={(e) => void submit(e)}
        className="mx-auto flex max-w-xs flex-col gap-3"
        aria-label="Sign in"
      >
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          User name
          <input
            name="username"
            autoComplete="username"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100"
          />
        </label>
        {error && (
          <p role="alert" className="text-xs text-red-400">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-50"
        >
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </Page>
  );
}
