-- Attachments by reference (e.g. invoice-pdf:42), rendered when the mail is sent: the outbox never
-- stores documents, and the attached PDF is the invoice as it is at delivery.
alter table notification_message add column attachments text;
