import * as z from "zod";
import { ROLES } from "./roles.ts";

export const Role = z.enum(ROLES);

/** `POST /api/session`: a member's sign-in token (or the bootstrap ADMIN_TOKEN) for a session cookie. */
export const SessionRequest = z.object({ token: z.string().min(1).max(512) });
export type SessionRequest = z.infer<typeof SessionRequest>;

/** `GET /api/me`. */
export const Me = z.object({ id: z.string(), name: z.string(), role: Role });
export type Me = z.infer<typeof Me>;

/** Member ids are made by the server; `owner` is the one ADMIN_TOKEN signs in as. */
export const MemberId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "invalid member id");

/** A display name as boards show it next to claims and answers. */
export const MemberName = z
  .string()
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1).max(40));

/** `POST /api/members`. */
export const NewMember = z.object({
  name: MemberName,
  role: Role,
  email: z
    .email()
    .max(254)
    .transform((s) => s.toLowerCase())
    .optional(),
});
export type NewMember = z.infer<typeof NewMember>;

/** `POST /api/members` answer: the sign-in token is shown once. */
export const CreatedMember = z.object({ id: MemberId, token: z.string() });
export type CreatedMember = z.infer<typeof CreatedMember>;

export const MemberView = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  email: z.string().nullable(),
  createdAt: z.number().int(),
});
export type MemberView = z.infer<typeof MemberView>;

export const MemberList = z.object({ members: z.array(MemberView) });
export type MemberList = z.infer<typeof MemberList>;

/** `GET /api/audit?broadcastId=&limit=`. */
export const AuditQuery = z.object({
  broadcastId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditItem = z.object({
  at: z.number().int(),
  actor: z.object({ id: z.string(), name: z.string() }),
  action: z.string(),
  target: z.string(),
  broadcastId: z.string().nullable(),
});
export type AuditItem = z.infer<typeof AuditItem>;

export const AuditList = z.object({ items: z.array(AuditItem) });
export type AuditList = z.infer<typeof AuditList>;

/** `POST /api/broadcasts/:id/ingest-tokens` answer: the token is shown once. */
export const CreatedIngestToken = z.object({ id: z.string(), token: z.string() });
export type CreatedIngestToken = z.infer<typeof CreatedIngestToken>;

export const IngestTokenId = z.string().regex(/^[a-z0-9-]{1,40}$/, "invalid token id");
