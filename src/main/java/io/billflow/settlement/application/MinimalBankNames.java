package io.billflow.settlement.application;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The banks and deposit institutions partners most often use, by KFTC code. Deliberately small: the
 * bank-code registry built with the bank port supersedes it (see {@link BankNames}).
 */
@Component
class MinimalBankNames implements BankNames {

    private static final Map<String, String> BANKS = Map.ofEntries(
            Map.entry("002", "산업은행"), Map.entry("003", "기업은행"), Map.entry("004", "국민은행"),
            Map.entry("007", "수협은행"), Map.entry("011", "농협은행"), Map.entry("012", "지역농축협"),
            Map.entry("020", "우리은행"), Map.entry("023", "SC제일은행"), Map.entry("027", "한국씨티은행"),
            Map.entry("031", "iM뱅크"), Map.entry("032", "부산은행"), Map.entry("034", "광주은행"),
            Map.entry("035", "제주은행"), Map.entry("037", "전북은행"), Map.entry("039", "경남은행"),
            Map.entry("045", "새마을금고"), Map.entry("048", "신협"), Map.entry("050", "저축은행"),
            Map.entry("071", "우체국"), Map.entry("081", "하나은행"), Map.entry("088", "신한은행"),
            Map.entry("089", "케이뱅크"), Map.entry("090", "카카오뱅크"), Map.entry("092", "토스뱅크"));

    @Override
    public Optional<String> nameOf(String bankCode) {
        return Optional.ofNullable(bankCode == null ? null : BANKS.get(bankCode));
    }
}
