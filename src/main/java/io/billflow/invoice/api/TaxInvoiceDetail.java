package io.billflow.invoice.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** One line item (품목) of a tax invoice; amounts in won. */
@Table("tax_invoice_detail")
public record TaxInvoiceDetail(int serialNum, @Column("purchase_dt") LocalDate purchaseDT, String itemName, String spec, BigDecimal qty,
                               Long unitCost, long supplyCost, long tax, String remark) {
}
