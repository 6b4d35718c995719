-- Transactional outbox for e-mail: a message is written in the same transaction as the business
-- change that causes it, and delivered afterwards by MailOutboxWorker with retries and backoff.
create table mail_outbox (
    id              bigserial     primary key,
    dedup_key       varchar(200)  not null unique,
    event_type      varchar(64)   not null,
    recipients      varchar(1000) not null,
    subject         varchar(500)  not null,
    text_body       text          not null,
    html_body       text,
    status          varchar(16)   not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(2000),
    created_at      timestamptz   not null,
    sent_at         timestamptz
);

create index mail_outbox_due on mail_outbox (next_attempt_at) where status in ('PENDING', 'SENDING');
