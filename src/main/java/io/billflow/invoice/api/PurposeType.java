package io.billflow.invoice.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 영수 (paid: receipt) or 청구 (charge: to be paid); NTS PurposeCode 01 / 02. */
public enum PurposeType {
    RECEIPT("영수", "01"),
    CHARGE("청구", "02");

    private final String label;
    private final String ntsCode;

    PurposeType(String label, String ntsCode) {
        this.label = label;
        this.ntsCode = ntsCode;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public String ntsCode() {
        return ntsCode;
    }

    @JsonCreator
    public static PurposeType fromLabel(String value) {
        for (PurposeType type : values()) {
            if (type.label.equals(value) || type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("must be 영수 or 청구");
    }
}
