package io.billflow.invoice.application;

import java.util.Optional;

import io.billflow.invoice.domain.TaxInvoice;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface InvoiceRepository extends ListCrudRepository<TaxInvoice, Long> {

    @Query("select * from tax_invoice where buyer_company_id = :buyerCompanyId and invoicee_mgt_key = :mgtKey "
            + "and deleted_at is null")
    Optional<TaxInvoice> findLiveByMgtKey(long buyerCompanyId, String mgtKey);
}
