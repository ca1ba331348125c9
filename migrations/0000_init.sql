CREATE TABLE `broadcasts` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`naver_url` text,
	`naver_id` text,
	`status` text DEFAULT 'ready' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '[]' NOT NULL,
	`chat_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `knowledge_chunks` (
	`id` text PRIMARY KEY NOT NULL,
	`broadcast_id` text NOT NULL,
	`kind` text NOT NULL,
	`product_key` text,
	`text` text NOT NULL,
	`vector` text,
	`norm` real,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `knowledge_broadcast` ON `knowledge_chunks` (`broadcast_id`,`kind`);--> statement-breakpoint
CREATE TABLE `product_qna` (
	`id` text PRIMARY KEY NOT NULL,
	`broadcast_id` text NOT NULL,
	`product_key` text NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`asked_at` integer,
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_qna_broadcast` ON `product_qna` (`broadcast_id`,`product_key`);--> statement-breakpoint
CREATE TABLE `products` (
	`broadcast_id` text NOT NULL,
	`key` text NOT NULL,
	`product_no` text,
	`name` text NOT NULL,
	`brand_name` text,
	`mall_name` text,
	`image` text,
	`price` integer,
	`sale_price` integer,
	`discount_rate` integer,
	`status` text,
	`url` text,
	`details` text DEFAULT '[]' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`broadcast_id`, `key`),
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `published_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`broadcast_id` text NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`source_comment_no` integer,
	`status` text DEFAULT 'published' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `published_broadcast` ON `published_answers` (`broadcast_id`,`status`);--> statement-breakpoint
CREATE TABLE `tokens` (
	`hash` text PRIMARY KEY NOT NULL,
	`broadcast_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE cascade
);
