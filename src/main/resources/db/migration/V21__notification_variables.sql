-- AlimTalk messages keep the template variables they are rendered from at delivery time (JSON object).
alter table notification_message add column variables text;
