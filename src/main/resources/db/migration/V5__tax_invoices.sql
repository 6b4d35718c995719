-- Reverse-issued tax invoices (역발행 세금계산서), Popbill-compatible fields and state codes.
create table tax_invoice (
    id                    bigserial    primary key,
    version               integer      not null,
    buyer_company_id      bigint       not null references buyer_company (id),
    partner_id            bigint       not null references partner (id),
    invoicee_mgt_key      varchar(24)  not null,
    invoicer_mgt_key      varchar(24),
    write_date            date         not null,
    tax_type              varchar(16)  not null,
    purpose_type          varchar(16)  not null,
    charge_direction      varchar(16)  not null,
    supply_cost_total     bigint       not null,
    tax_total             bigint       not null,
    total_amount          bigint       not null,
    cash                  bigint,
    chk_bill              bigint,
    note                  bigint,
    credit                bigint,
    remark1               varchar(150),
    remark2               varchar(150),
    remark3               varchar(150),
    kwon                  integer,
    ho                    integer,
    serial_num            varchar(30),
    late_issue            boolean      not null default false,
    modify_code           integer      check (modify_code between 1 and 6),
    org_nts_confirm_num   char(24),
    nts_confirm_num       char(24)     unique,
    state_code            integer      not null,
    state_at              timestamptz  not null,
    issued_at             timestamptz,
    issuance_deadline     date         not null,
    invoicer_corp_num     char(10)     not null,
    invoicer_tax_reg_id   char(4),
    invoicer_corp_name    varchar(200) not null,
    invoicer_ceo_name     varchar(100),
    invoicer_addr         varchar(300),
    invoicer_biz_type     varchar(100),
    invoicer_biz_class    varchar(100),
    invoicer_contact_name varchar(100),
    invoicer_email        varchar(100),
    invoicer_hp           varchar(20),
    invoicer_tel          varchar(20),
    invoicee_corp_num     char(10)     not null,
    invoicee_tax_reg_id   char(4),
    invoicee_corp_name    varchar(200) not null,
    invoicee_ceo_name     varchar(100),
    invoicee_addr         varchar(300),
    invoicee_biz_type     varchar(100),
    invoicee_biz_class    varchar(100),
    invoicee_contact_name varchar(100),
    invoicee_email        varchar(100),
    invoicee_hp           varchar(20),
    invoicee_tel          varchar(20),
    registered_at         timestamptz  not null,
    registered_by         varchar(255) not null,
    updated_at            timestamptz  not null,
    deleted_at            timestamptz
);

-- a buyer's management key is unique among its invoices that are not deleted (Popbill: reusable after delete)
create unique index tax_invoice_mgt_key on tax_invoice (buyer_company_id, invoicee_mgt_key) where deleted_at is null;
create index tax_invoice_state on tax_invoice (state_code) where deleted_at is null;
create index tax_invoice_write_date on tax_invoice (write_date);
create index tax_invoice_registered_at on tax_invoice (registered_at);
create index tax_invoice_issued_at on tax_invoice (issued_at);
create index tax_invoice_partner on tax_invoice (partner_id);

create table tax_invoice_detail (
    invoice_id   bigint        not null references tax_invoice (id) on delete cascade,
    position     integer       not null,
    serial_num   integer       not null,
    purchase_dt  date,
    item_name    varchar(100),
    spec         varchar(100),
    qty          numeric(18, 2),
    unit_cost    bigint,
    supply_cost  bigint        not null,
    tax          bigint        not null,
    remark       varchar(100),
    primary key (invoice_id, position)
);

-- every state change (and every edit of a draft): who, when, from, to, memo. Append-only.
create table tax_invoice_history (
    id          bigserial    primary key,
    invoice_id  bigint       not null references tax_invoice (id),
    occurred_at timestamptz  not null,
    actor       varchar(255) not null,
    from_state  integer,
    to_state    integer      not null,
    memo        varchar(1000)
);
create index tax_invoice_history_invoice on tax_invoice_history (invoice_id, occurred_at);
