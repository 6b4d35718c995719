package io.billflow.platform.audit;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface AuditLog extends ListCrudRepository<AuditEntry, Long> {

    List<AuditEntry> findTop50ByActorOrderByOccurredAtDesc(String actor);
}
