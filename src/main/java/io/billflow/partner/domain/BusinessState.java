package io.billflow.partner.domain;

/** 사업자 상태 (휴폐업 조회): 계속사업자, 휴업자, 폐업자, or not looked up yet. */
public enum BusinessState {
    ACTIVE,
    SUSPENDED,
    CLOSED,
    UNKNOWN
}
