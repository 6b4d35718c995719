-- One row per transmitted invoice: handed over once (the row is claimed before the hand-over), then
-- the verdict NTS returned.
create table nts_transmission (
    invoice_id      bigint        primary key references tax_invoice (id),
    approval_number char(24)      not null unique,
    claimed_at      timestamptz   not null,
    submitted_at    timestamptz,
    attempts        integer       not null default 0,
    last_error      varchar(1000),
    result_code     varchar(16),
    result_message  varchar(1000),
    result_at       timestamptz
);
create index nts_transmission_pending on nts_transmission (submitted_at) where result_code is null;
