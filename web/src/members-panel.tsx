import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { CreatedMember, MemberList, type MemberView } from "../../core/auth/api.ts";
import { isRole, ROLES, type Role } from "../../core/auth/roles.ts";
import { NoContent } from "../../core/protocol/index.ts";
import { ApiFailure, jsonBody, request } from "./api.ts";
import { formatDateTime, t } from "./i18n.ts";

/** The owner's team: add a member (their sign-in token is shown once), revoke one. */
export function MembersPanel() {
  const members = useSignal<MemberView[] | null>(null);
  const problem = useSignal<string | null>(null);
  const created = useSignal<{ name: string; token: string } | null>(null);
  const name = useSignal("");
  const email = useSignal("");
  const role = useSignal<Role>("analyst");

  async function load(): Promise<void> {
    try {
      members.value = (await request(MemberList, "/api/members")).members;
    } catch (err) {
      problem.value = err instanceof ApiFailure ? err.message : String(err);
    }
  }

  async function add(e: Event): Promise<void> {
    e.preventDefault();
    problem.value = null;
    try {
      const body = { name: name.value, role: role.value, ...(email.value.trim() ? { email: email.value.trim() } : {}) };
      const res = await request(CreatedMember, "/api/members", jsonBody("POST", body));
      created.value = { name: name.value.trim(), token: res.token };
      name.value = email.value = "";
      await load();
    } catch (err) {
      problem.value = err instanceof ApiFailure ? err.message : String(err);
    }
  }

  async function revoke(member: MemberView): Promise<void> {
    if (!confirm(t("members.revokeConfirm", { name: member.name }))) return;
    try {
      await request(NoContent, `/api/members/${encodeURIComponent(member.id)}`, { method: "DELETE" });
      await load();
    } catch (err) {
      problem.value = err instanceof ApiFailure ? err.message : String(err);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  return (
    <section class="panel" aria-labelledby="members-title">
      <h2 id="members-title">{t("members.title")}</h2>
      {problem.value && (
        <p class="notice error" role="alert">
          {problem.value}
        </p>
      )}
      {created.value && (
        <p class="notice" role="status" data-testid="member-token">
          {t("members.created", { name: created.value.name })} <code class="mono">{created.value.token}</code>
        </p>
      )}
      {members.value && (
        <ul class="member-list">
          {members.value.map((m) => (
            <li key={m.id} data-testid="member-row">
              <strong>{m.name}</strong> · {t(`role.${m.role}`)} {m.email && <span class="muted small">{m.email}</span>}{" "}
              <span class="muted small">{formatDateTime(m.createdAt)}</span>{" "}
              {m.id !== "owner" && (
                <button type="button" class="button ghost small" onClick={() => void revoke(m)}>
                  {t("members.revoke")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="member-form" onSubmit={(e) => void add(e)}>
        <label class="field">
          <span>{t("members.name")}</span>
          <input
            required
            maxLength={40}
            value={name.value}
            onInput={(e) => (name.value = e.currentTarget.value)}
            data-testid="member-name"
          />
        </label>
        <label class="field">
          <span>{t("members.role")}</span>
          <select
            value={role.value}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isRole(value)) role.value = value;
            }}
            data-testid="member-role"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t("members.email")}</span>
          <input
            type="email"
            maxLength={254}
            value={email.value}
            onInput={(e) => (email.value = e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button primary" data-testid="member-add">
          {t("members.add")}
        </button>
      </form>
    </section>
  );
}
