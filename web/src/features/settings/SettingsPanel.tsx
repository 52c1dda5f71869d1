// The Settings panel: account (password, sign out, sign out everywhere, API tokens), which
// integrations the server has (set / not set, never the key) and this user's preferences,
// stored on the server per user.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { ROUTES } from "../../app/routes";
import { ApiError } from "../../shared/api/http";
import type { Preferences } from "../../shared/api/types";
import { logout } from "../auth/api";
import * as api from "./api";

const VOICES: NonNullable<Preferences["coach_voice"]>[] = [
  "marin",
  "cedar",
  "alloy",
  "ash",
  "ballad",
  "coral",
  "echo",
  "sage",
  "shimmer",
  "verse",
];
const VERBOSITY: Preferences["coach_verbosity"][] = ["brief", "normal", "detailed"];
const TIMEFRAMES: Preferences["default_timeframe"][] = [1, 5, 15];
const keys = { settings: api.settingsQuery().queryKey, tokens: ["account", "tokens"] as const };

const input = "rounded border border-zinc-700 bg-zinc-900 px-1.5 py-0.5 text-xs text-zinc-100";
const button = "rounded border border-zinc-700 px-2 py-0.5 text-xs text-zinc-200 hover:bg-zinc-800";

function message(err: unknown): string {
  return err instanceof ApiError ? err.message : String(err);
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-zinc-800 pt-2" aria-label={title}>
      <h3 className="mb-1.5 text-[11px] font-semibold tracking-wider text-zinc-400 uppercase">{title}</h3>
      {children}
    </section>
  );
}

function Status({ set }: { set: boolean }) {
  return <span className={set ? "text-emerald-400" : "text-zinc-400"}>{set ? "set" : "not set"}</span>;
}

function PasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const change = useMutation({ mutationFn: () => api.changePassword({ current, new: next }) });
  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate(undefined, {
      onSuccess: () => {
        setCurrent("");
        setNext("");
      },
    });
  }
  return (
    <form onSubmit={submit} aria-label="Change password" className="flex flex-col gap-1">
      <input
        type="password"
        aria-label="Current password"
        placeholder="current password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        className={input}
        required
      />
      <input
        type="password"
        aria-label="New password"
        placeholder="new password (10+ characters)"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        className={input}
        required
        minLength={10}
      />
      <div className="flex items-center gap-2">
        <button type="submit" className={button} disabled={change.isPending}>
          Change password
        </button>
        {change.isSuccess && (
          <span className="text-xs text-emerald-400">changed; other sessions signed out</span>
        )}
        {change.isError && (
          <span role="alert" className="text-xs text-red-400">
            {message(change.error)}
          </span>
        )}
      </div>
    </form>
  );
}

function Tokens() {
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: ({ signal }) => api.listTokens(signal) });
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => api.createToken(name),
    onSuccess: () => {
      setName("");
      void qc.invalidateQueries({ queryKey: keys.tokens });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeToken(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
  return (
    <div className="flex flex-col gap-1" data-testid="api-tokens">
      <ul className="flex flex-col gap-0.5">
        {tokens.data?.tokens.map((t) => (
          <li key={t.id} className="flex items-center justify-between text-xs">
            <span>
              {t.name} <span className="text-zinc-400">({t.id})</span>
            </span>
            <button
              type="button"
              className={button}
              onClick={() => revoke.mutate(t.id)}
              aria-label={`Revoke ${t.name}`}
            >
              Revoke
            </button>
          </li>
        ))}
        {tokens.data?.tokens.length === 0 && <li className="text-xs text-zinc-400">no API tokens</li>}
      </ul>
      <form
        className="flex gap-1"
        aria-label="New API token"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <input
          aria-label="Token name"
          placeholder="token name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={`${input} flex-1`}
          required
          maxLength={100}
        />
        <button type="submit" className={button} disabled={create.isPending}>
          Create
        </button>
      </form>
      {create.data && (
        <p className="text-xs break-all text-amber-300" data-testid="new-token">
          Shown once, copy it now: <code>{create.data.token}</code>
        </p>
      )}
      {create.isError && (
        <p role="alert" className="text-xs text-red-400">
          {message(create.error)}
        </p>
      )}
    </div>
  );
}

function PreferencesForm({ saved }: { saved: Preferences }) {
  const qc = useQueryClient();
  const [prefs, setPrefs] = useState(saved);
  useEffect(() => setPrefs(saved), [saved]);
  const save = useMutation({
    mutationFn: () => api.putPreferences(prefs),
    onSuccess: (data) => qc.setQueryData(keys.settings, data),
  });
  const set = <K extends keyof Preferences>(key: K, value: Preferences[K]) =>
    setPrefs({ ...prefs, [key]: value });
  const row = "flex items-center justify-between gap-2 text-xs";
  return (
    <form
      aria-label="Preferences"
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <label className={row}>
        Coach voice
        <select
          className={input}
          value={prefs.coach_voice ?? ""}
          onChange={(e) => set("coach_voice", (e.target.value || null) as Preferences["coach_voice"])}
        >
          <option value="">server default</option>
          {VOICES.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      </label>
      <label className={row}>
        Coach verbosity
        <select
          className={input}
          value={prefs.coach_verbosity}
          onChange={(e) => set("coach_verbosity", e.target.value as Preferences["coach_verbosity"])}
        >
          {VERBOSITY.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      </label>
      <label className={row}>
        Alert sound
        <input
          type="checkbox"
          checked={prefs.alert_sound}
          onChange={(e) => set("alert_sound", e.target.checked)}
        />
      </label>
      <label className={row}>
        Speak alerts
        <input
          type="checkbox"
          checked={prefs.alert_speech}
          onChange={(e) => set("alert_speech", e.target.checked)}
        />
      </label>
      <label className={row}>
        Default timeframe
        <select
          className={input}
          value={prefs.default_timeframe}
          onChange={(e) =>
            set("default_timeframe", Number(e.target.value) as Preferences["default_timeframe"])
          }
        >
          {TIMEFRAMES.map((t) => (
            <option key={t} value={t}>
              {t} min
            </option>
          ))}
        </select>
      </label>
      <label className={row}>
        Up candles
        <input
          type="color"
          aria-label="Up candle colour"
          value={prefs.chart_up_colour}
          onChange={(e) => set("chart_up_colour", e.target.value)}
        />
      </label>
      <label className={row}>
        Down candles
        <input
          type="color"
          aria-label="Down candle colour"
          value={prefs.chart_down_colour}
          onChange={(e) => set("chart_down_colour", e.target.value)}
        />
      </label>
      <div className="flex items-center gap-2">
        <button type="submit" className={button} disabled={save.isPending}>
          Save preferences
        </button>
        {save.isSuccess && <span className="text-xs text-emerald-400">saved</span>}
        {save.isError && (
          <span role="alert" className="text-xs text-red-400">
            {message(save.error)}
          </span>
        )}
      </div>
    </form>
  );
}

export function SettingsPanel() {
  const settings = useQuery(api.settingsQuery());
  const everywhere = useMutation({
    mutationFn: api.signOutEverywhere,
    onSuccess: () => window.location.assign(ROUTES.login),
  });
  if (settings.isError)
    return (
      <p role="alert" className="text-xs text-red-400">
        {message(settings.error)}
      </p>
    );
  if (!settings.data) return <p className="text-xs text-zinc-400">loading…</p>;
  const { user, auth_mode, integrations, preferences } = settings.data;
  const password = auth_mode === "password";
  return (
    <div className="flex max-h-[75vh] flex-col gap-2 overflow-auto" data-testid="settings">
      <Section title="Account">
        <p className="mb-1 text-xs">
          Signed in as <strong data-testid="settings-user">{user}</strong>
          {!password && <span className="text-zinc-400"> (local mode: one user on this machine)</span>}
        </p>
        {password && (
          <div className="flex flex-col gap-2">
            <PasswordForm />
            <div className="flex gap-1">
              <button
                type="button"
                className={button}
                onClick={() => void logout().then(() => window.location.assign(ROUTES.login))}
              >
                Sign out
              </button>
              <button type="button" className={button} onClick={() => everywhere.mutate()}>
                Sign out everywhere
              </button>
            </div>
          </div>
        )}
        <h4 className="mt-2 mb-1 text-xs text-zinc-400">API tokens</h4>
        <Tokens />
      </Section>
      <Section title="Integrations">
        <p className="flex justify-between text-xs" data-testid="integration-polygon">
          Polygon <Status set={integrations.polygon} />
        </p>
        <p className="flex justify-between text-xs" data-testid="integration-openai">
          OpenAI <Status set={integrations.openai} />
        </p>
      </Section>
      <Section title="Preferences">
        <PreferencesForm saved={preferences} />
      </Section>
    </div>
  );
}
