-- Leads per calling profile (calling_profile_counts), kept exact by the database itself in the
-- transaction of every write to leads: inserts (imports, moves), deletes (rollbacks, undo, moves)
-- and profile changes (the re-profile job, updates of address fields). drizzle-kit cannot express
-- triggers, so they live here.
CREATE TRIGGER `leads_profile_insert` AFTER INSERT ON `leads` WHEN NEW.`calling_profile` IS NOT NULL BEGIN
  INSERT INTO `calling_profile_counts` (`workspace_id`, `campaign_id`, `profile`, `leads`)
  VALUES (NEW.`workspace_id`, NEW.`campaign_id`, NEW.`calling_profile`, 1)
  ON CONFLICT (`workspace_id`, `campaign_id`, `profile`) DO UPDATE SET `leads` = `leads` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_profile_delete` AFTER DELETE ON `leads` WHEN OLD.`calling_profile` IS NOT NULL BEGIN
  UPDATE `calling_profile_counts` SET `leads` = `leads` - 1
  WHERE `workspace_id` = OLD.`workspace_id` AND `campaign_id` = OLD.`campaign_id` AND `profile` = OLD.`calling_profile`;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_profile_update` AFTER UPDATE OF `calling_profile` ON `leads` WHEN OLD.`calling_profile` IS NOT NEW.`calling_profile` BEGIN
  UPDATE `calling_profile_counts` SET `leads` = `leads` - 1
  WHERE OLD.`calling_profile` IS NOT NULL AND `workspace_id` = OLD.`workspace_id` AND `campaign_id` = OLD.`campaign_id` AND `profile` = OLD.`calling_profile`;
  INSERT INTO `calling_profile_counts` (`workspace_id`, `campaign_id`, `profile`, `leads`)
  SELECT NEW.`workspace_id`, NEW.`campaign_id`, NEW.`calling_profile`, 1 WHERE NEW.`calling_profile` IS NOT NULL
  ON CONFLICT (`workspace_id`, `campaign_id`, `profile`) DO UPDATE SET `leads` = `leads` + 1;
END;
