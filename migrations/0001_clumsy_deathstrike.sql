CREATE TABLE `broadcast_benefits` (
	`id` text PRIMARY KEY NOT NULL,
	`broadcast_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `broadcast_benefits_broadcast` ON `broadcast_benefits` (`broadcast_id`);--> statement-breakpoint
CREATE TABLE `setup_crawls` (
	`broadcast_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`pending` text DEFAULT '[]' NOT NULL,
	`next_page` integer DEFAULT 1 NOT NULL,
	`products_total` integer DEFAULT 0 NOT NULL,
	`qna_stored` integer DEFAULT 0 NOT NULL,
	`secret_skipped` integer DEFAULT 0 NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	`error` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE cascade
);
