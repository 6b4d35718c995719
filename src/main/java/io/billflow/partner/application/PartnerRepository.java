package io.billflow.partner.application;

import java.util.List;
import java.util.Optional;

import io.billflow.partner.domain.Partner;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PartnerRepository extends ListCrudRepository<Partner, Long> {

    @Query("select * from partner where corp_num = :corpNum and coalesce(tax_reg_id, '') = coalesce(:taxRegId, '')")
    Optional<Partner> findByCorpNumAndTaxRegId(String corpNum, String taxRegId);

    @Query("select id from partner where corp_num = :corpNum order by id")
    List<Long> findIdsByCorpNum(String corpNum);
}
