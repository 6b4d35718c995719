-- Issuance: the 24-digit NTS approval number (승인번호) = write date (8) + system code (8) + serial (8),
-- and the signed NTS XML kept as issued (the document that will be transmitted).
create sequence nts_confirm_serial start 1 maxvalue 99999999 cycle;

create table tax_invoice_document (
    invoice_id      bigint       primary key references tax_invoice (id),
    signed_xml      bytea        not null,
    document_sha256 char(64)     not null,
    certificate_serial varchar(64) not null,
    signed_at       timestamptz  not null,
    signed_by       varchar(255) not null
);

alter table tax_invoice add column state_memo varchar(1000);
