-- A signing key is stored locked by the certificate's own password (PBES2) inside the KEK envelope, so signing
-- needs the supplier's password at that moment (#13, ADR 0001). Keys registered before were sealed under the KEK
-- only: they no longer sign, and the supplier registers its certificate again (the portal says so).
alter table certificate_registration add column key_protection varchar(20) not null default 'KEK_ONLY'
    check (key_protection in ('KEK_ONLY', 'PASSWORD_PBES2'));
