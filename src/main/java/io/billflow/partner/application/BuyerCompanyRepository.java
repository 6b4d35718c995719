package io.billflow.partner.application;

import java.util.Optional;

import io.billflow.partner.domain.BuyerCompany;
import org.springframework.data.repository.ListCrudRepository;

public interface BuyerCompanyRepository extends ListCrudRepository<BuyerCompany, Long> {

    Optional<BuyerCompany> findByCorpNum(String corpNum);
}
