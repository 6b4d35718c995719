-- The mail outbox becomes the outbox of every channel: e-mail, SMS/LMS and KakaoTalk AlimTalk.
alter table mail_outbox rename to notification_message;
alter index mail_outbox_due rename to notification_message_due;
alter table notification_message drop constraint mail_outbox_status_check;
alter table notification_message add constraint notification_message_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'));
alter table notification_message
    add column channel             varchar(16)  not null default 'EMAIL'
        check (channel in ('EMAIL', 'SMS', 'LMS', 'ALIMTALK')),
    add column recipient_key       varchar(100),
    add column alimtalk_template   varchar(64),
    add column advertising         boolean      not null default false,
    add column provider_message_id varchar(100),
    add column fallback_channel    varchar(16),
    add column resent_by           varchar(255),
    add column closed_by           varchar(255);
create index notification_message_recipient on notification_message (recipient_key, created_at desc);
create index notification_message_event on notification_message (event_type, created_at desc);
create index notification_message_failed on notification_message (status) where status = 'FAILED';

-- Per recipient and event: which channels are on. No row = the defaults (e-mail on; AlimTalk on where
-- the event has an approved template and the recipient a mobile number). Mandatory legal notices keep
-- their e-mail whatever is stored here.
create table notification_preference (
    recipient_key    varchar(100) not null,
    event_type       varchar(64)  not null,
    email_enabled    boolean      not null,
    alimtalk_enabled boolean      not null,
    sms_enabled      boolean      not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(255) not null,
    primary key (recipient_key, event_type)
);
