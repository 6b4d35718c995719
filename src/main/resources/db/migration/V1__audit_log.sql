-- billflow's own schema is owned by Flyway; Camunda creates and upgrades its ACT_* tables itself.

-- Security-relevant events: staff sign-ins and refusals now; signatures, payouts and key rotations
-- later. Append-only: the application never updates or deletes a row.
create table audit_log (
    id           bigserial    primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(255) not null,
    action       varchar(64)  not null,
    subject_type varchar(64),
    subject_id   varchar(255),
    detail       varchar(2000)
);

create index audit_log_actor_time on audit_log (actor, occurred_at desc);
create index audit_log_subject on audit_log (subject_type, subject_id);
