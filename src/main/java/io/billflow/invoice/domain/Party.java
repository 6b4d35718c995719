package io.billflow.invoice.domain;

/**
 * A party block of the invoice (공급자 or 공급받는자), copied from the partner or buyer company when the
 * invoice is written so that later edits of master data never change an invoice.
 */
public record Party(String corpNum, String taxRegId, String corpName, String ceoName, String addr, String bizType,
                    String bizClass, String contactName, String email, String hp, String tel) {
}
