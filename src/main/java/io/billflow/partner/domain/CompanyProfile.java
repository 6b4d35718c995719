package io.billflow.partner.domain;

/**
 * What a business is on an invoice and at NTS, the same for a partner (공급자) and a buyer company (공급받는자): the
 * 종사업장 number, name, CEO, address, 업태 and 종목. The business number is not here: it identifies the company and
 * never changes. Embedded in both tables' columns ({@code tax_reg_id}, {@code corp_name}, …).
 */
public record CompanyProfile(String taxRegId, String corpName, String ceoName, String addr, String bizType,
                             String bizClass) {
}
