-- One fixed-window counter per (policy, subject), shared by every node: failed sign-ins per account and per
-- client address, codes and links sent per target and per requester, portal entries per address.
-- A subject is a user id or an address as given, or a SHA-256 of a mobile/e-mail (RateLimiter.hashed).
create table rate_limit_counter (
    policy       varchar(64)  not null,
    subject      varchar(256) not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    locked_until timestamptz,
    primary key (policy, subject)
);
-- the purge deletes windows that are over and not locked
create index rate_limit_counter_window on rate_limit_counter (window_start);
