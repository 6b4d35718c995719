-- Bulk invoice registration jobs (CSV / XLSX, up to 10,000 rows). The uploaded file is kept with the
-- job so the result can always be traced back to what was sent.
create table invoice_bulk_job (
    id                  uuid          primary key,
    status              varchar(16)   not null,
    mode                varchar(16)   not null,
    action              varchar(16)   not null,
    file_name           varchar(255)  not null,
    content             bytea         not null,
    total_rows          integer,
    total_invoices      integer,
    processed_invoices  integer       not null default 0,
    accepted_invoices   integer       not null default 0,
    rejected_invoices   integer       not null default 0,
    errors              text,
    created_invoice_ids text,
    failure             varchar(2000),
    created_by          varchar(255)  not null,
    created_at          timestamptz   not null,
    started_at          timestamptz,
    finished_at         timestamptz
);
create index invoice_bulk_job_created on invoice_bulk_job (created_at desc);
