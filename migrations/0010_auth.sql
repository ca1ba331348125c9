-- Issue 18: members and roles, sessions, audit log, revocable ingest tokens, who published.
-- Written by hand (not drizzle-kit) so parallel branches' migrations do not collide.
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`email` text,
	`token_hash` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_token` ON `members` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_email_active` ON `members` (`email`) WHERE revoked_at is null;--> statement-breakpoint
CREATE TABLE `sessions` (
	`hash` text PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`member_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `sessions_member` ON `sessions` (`member_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`broadcast_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_broadcast` ON `audit_log` (`broadcast_id`,`at`);--> statement-breakpoint
CREATE TABLE `member_sockets` (
	`member_id` text NOT NULL,
	`broadcast_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`member_id`, `broadcast_id`)
);
--> statement-breakpoint
ALTER TABLE `tokens` ADD `id` text;--> statement-breakpoint
ALTER TABLE `tokens` ADD `created_by` text;--> statement-breakpoint
UPDATE `tokens` SET `id` = 'it-' || substr(`hash`, 1, 16) WHERE `id` IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `tokens_id` ON `tokens` (`id`);--> statement-breakpoint
ALTER TABLE `published_answers` ADD `published_by_id` text;--> statement-breakpoint
ALTER TABLE `published_answers` ADD `published_by` text;
