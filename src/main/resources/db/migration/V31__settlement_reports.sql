-- Monthly settlement reports (정산리포트): one per settlement group and month, with its lines and totals.

create table settlement_report (
    id               bigserial    primary key,
    version          integer      not null,
    group_id         bigint       not null references settlement_group (id),
    partner_id       bigint       not null references partner (id),
    settlement_month date         not null check (extract(day from settlement_month) = 1),
    -- the settlement process extends this list (reverse issuance, signature, payout) in a later migration
    status           varchar(32)  not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    vat_rule         varchar(32)  not null check (vat_rule in ('TEN_PERCENT_TRUNCATED', 'NONE')),
    supply_total     bigint       not null,
    vat_total        bigint       not null,
    total_amount     bigint       not null check (total_amount > 0),
    line_count       integer      not null check (line_count > 0),
    revision         integer      not null,
    source           varchar(300) not null,
    imported_at      timestamptz  not null,
    imported_by      varchar(255) not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    constraint settlement_report_total check (total_amount = supply_total + vat_total),
    constraint settlement_report_once_a_month unique (group_id, settlement_month)
);

create index settlement_report_month_status on settlement_report (settlement_month, status);
create index settlement_report_partner on settlement_report (partner_id, settlement_month);

create table settlement_report_line (
    report_id     bigint       not null references settlement_report (id) on delete cascade,
    position      integer      not null,
    media         varchar(100) not null,
    item          varchar(100) not null,
    supply_amount bigint       not null,
    vat           bigint       not null,
    total         bigint       not null,
    adjustment    boolean      not null,
    primary key (report_id, position),
    constraint settlement_report_line_total check (total = supply_amount + vat),
    constraint settlement_report_line_sign check (adjustment or (supply_amount >= 0 and vat >= 0 and total >= 0))
);
