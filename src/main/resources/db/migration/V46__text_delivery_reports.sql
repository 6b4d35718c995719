-- A text the provider accepted is not yet delivered: the carrier's (or Kakao's) delivery report comes later,
-- SMS within about 24 h, LMS within about 72 h. The outbox follows each accepted text until its report:
-- delivered, or failed (then the AlimTalk's 대체문자 goes out, or operations get the failure).
alter table notification_message
    add column delivery_status      varchar(16) check (delivery_status in ('ACCEPTED', 'DELIVERED', 'FAILED')),
    -- the channel the awaited message went by (SMS, LMS or ALIMTALK; an outbox SMS row may go as LMS)
    add column delivery_channel     varchar(16),
    -- when the awaited message was accepted (the 대체문자's own time, not the AlimTalk's): its window starts here
    add column delivery_accepted_at timestamptz,
    add column delivery_reported_at timestamptz,
    add column next_report_check_at timestamptz;
create index notification_message_awaiting_report on notification_message (next_report_check_at)
    where delivery_status = 'ACCEPTED';
