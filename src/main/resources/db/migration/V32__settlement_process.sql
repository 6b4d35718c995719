-- The settlement process (settlementProcess): review, publication, the partner's confirmation, the reverse
-- invoice, the payout. Report states follow the partner-facing stages of the seed (정산 진행현황):
-- PUBLISHED = 01 세금계산서 역발행요청, SIGNATURE_REQUESTED = 02 서명요청, PAYOUT_PROCESSING = 03 지급 처리중,
-- PAID = 04 지급 완료.
alter table settlement_report drop constraint settlement_report_status_check;
alter table settlement_report add constraint settlement_report_status_check check (status in (
    'DRAFT', 'IN_REVIEW', 'RETURNED', 'PUBLISHED', 'SIGNATURE_REQUESTED', 'PAYOUT_PROCESSING', 'PAID',
    'ON_HOLD', 'CANCELLED'));
alter table settlement_report
    add column review_comment varchar(1000),
    add column reviewed_by    varchar(255),
    add column reviewed_at    timestamptz,
    add column published_at   timestamptz,
    add column confirmed_at   timestamptz,
    add column confirmed_by   varchar(255),
    add column write_date     date,
    add column invoice_id     bigint references tax_invoice (id),
    add column deadline       date;

-- every status change of a report: who, when, from, to, why (the dashboard's history)
create table settlement_report_history (
    id          bigserial     primary key,
    report_id   bigint        not null references settlement_report (id),
    occurred_at timestamptz   not null,
    actor       varchar(255)  not null,
    from_status varchar(32),
    to_status   varchar(32)   not null,
    memo        varchar(1000)
);
create index settlement_report_history_report on settlement_report_history (report_id, occurred_at);

-- one payout per report: the amounts (every won accounted for), the date, the four-eyes approval and the
-- bank's answer; the idempotency key is written before the transfer is asked for, so a retried job asks
-- the bank about the same transfer instead of paying twice
create table settlement_payout (
    report_id          bigint        primary key references settlement_report (id),
    payee_type         varchar(16)   not null check (payee_type in ('BUSINESS', 'INDIVIDUAL')),
    gross_amount       bigint        not null check (gross_amount > 0),
    income_tax         bigint        not null check (income_tax >= 0),
    local_income_tax   bigint        not null check (local_income_tax >= 0),
    payout_amount      bigint        not null check (payout_amount > 0),
    scheduled_date     date          not null,
    requires_approval  boolean       not null,
    approved_by        varchar(255),
    approved_at        timestamptz,
    status             varchar(32)   not null check (status in ('SCHEDULED', 'APPROVED', 'HOLDER_VERIFIED',
                                                                 'TRANSFERRING', 'PAID', 'FAILED', 'ON_HOLD')),
    attempt            integer       not null default 0,
    idempotency_key    varchar(64)   unique,
    bank_code          varchar(3),
    account_masked     varchar(64),
    holder_masked      varchar(64),
    bank_response_code varchar(32),
    bank_message       varchar(500),
    bank_transaction_id varchar(64),
    paid_at            timestamptz,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    constraint settlement_payout_accounted check (payout_amount + income_tax + local_income_tax = gross_amount)
);
create index settlement_payout_status_date on settlement_payout (status, scheduled_date);
