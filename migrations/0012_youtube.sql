-- Issue 15 (YouTube Live), written by hand like 0010/0011: the video a YouTube broadcast captures.
-- `source` is plain text in SQLite (drizzle's enum is TypeScript-only), so "youtube" needs no change there.
ALTER TABLE `broadcasts` ADD `youtube_video_id` text;
