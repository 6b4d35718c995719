package io.billflow.settlement.application;

import java.util.List;
import java.util.Optional;

import io.billflow.settlement.domain.SettlementGroup;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SettlementGroupRepository extends ListCrudRepository<SettlementGroup, Long> {

    List<SettlementGroup> findByPartnerIdOrderById(long partnerId);

    @Query("select * from settlement_group where partner_id = :partnerId and lower(name) = lower(:name)")
    Optional<SettlementGroup> findByPartnerIdAndName(long partnerId, String name);

    @Query("select * from settlement_group where lower(name) like lower(:pattern) order by id")
    List<SettlementGroup> findByNameLike(String pattern);

    /** Locks the group row, so changes to its account and verification mobile happen one after another. */
    @Query("select * from settlement_group where id = :id for update")
    Optional<SettlementGroup> findByIdForUpdate(long id);
}
