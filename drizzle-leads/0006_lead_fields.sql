ALTER TABLE `lead_changes` ADD `before_fields` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `calling_profile` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `region` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `postal_code` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_at` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_url` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_ip` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_text` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `trustedform_cert_url` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `jornaya_leadid` text;