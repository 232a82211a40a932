CREATE TABLE `suppression_sources` (
	`workspace_id` text NOT NULL,
	`source` text NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`as_of` text,
	`pending_generation` integer,
	`pending_import` text,
	`pending_count` integer DEFAULT 0 NOT NULL,
	`has_expiring` integer DEFAULT 0 NOT NULL,
	`pending_has_expiring` integer DEFAULT 0 NOT NULL,
	`next_generation` integer DEFAULT 1 NOT NULL,
	`sweep_pending` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `source`)
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_suppressions` (
	`workspace_id` text NOT NULL,
	`source` text DEFAULT 'internal' NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`phone` text NOT NULL,
	`reason` text,
	`expires_at` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `source`, `generation`, `phone`)
);
--> statement-breakpoint
INSERT INTO `__new_suppressions`("workspace_id", "phone", "reason", "expires_at", "created_at") SELECT "workspace_id", "phone", "reason", "expires_at", "created_at" FROM `suppressions`;--> statement-breakpoint
DROP TABLE `suppressions`;--> statement-breakpoint
ALTER TABLE `__new_suppressions` RENAME TO `suppressions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_at` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_url` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_ip` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_text` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `trustedform_cert_url` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `jornaya_leadid` text;