package io.billflow.partner.application;

import java.util.List;
import java.util.Optional;

import io.billflow.partner.domain.BuyerCompany;
import org.springframework.data.repository.ListCrudRepository;

public interface BuyerCompanyRepository extends ListCrudRepository<BuyerCompany, Long> {

    Optional<BuyerCompany> findByCorpNum(String corpNum);

    /** At most two, to tell "exactly one" from "several" without reading them all. */
    List<BuyerCompany> findFirst2ByOrderByIdAsc();
}
