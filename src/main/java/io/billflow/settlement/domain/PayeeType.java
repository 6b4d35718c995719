package io.billflow.settlement.domain;

/**
 * Who a settlement is paid to, which decides tax handling (PortOne's 사업자 / 원천징수 대상자).
 * A business (법인 or 개인사업자) invoices us through reverse issuance and gets VAT, nothing withheld; an individual
 * without a business registration earns 사업소득 from which we withhold 3.3% and file it for them.
 */
public enum PayeeType {
    BUSINESS,
    INDIVIDUAL
}
