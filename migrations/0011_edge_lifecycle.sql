-- Issue 18 (data lifecycle), written by hand: when a broadcast ended, when retention purged
-- its chat log, and indexes for the paginated list and the retention sweep.
ALTER TABLE `broadcasts` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `chats_purged_at` integer;--> statement-breakpoint
CREATE INDEX `broadcasts_created` ON `broadcasts` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `broadcasts_ended` ON `broadcasts` (`status`,`ended_at`);
