package io.billflow.invoice.adapter.web;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reverse invoice as the buyer writes it, with Popbill's field names. Dates are {@code yyyyMMdd},
 * amounts whole won. The supplier (invoicer) and buyer (invoicee) blocks are copied from the partner and
 * buyer company records, so they are not sent here. {@code version} is required when editing a draft.
 */
public record InvoiceRequest(
        @NotNull @Schema(example = "1") Long buyerCompanyId,
        @NotNull @Schema(example = "1") Long partnerId,
        @NotBlank @Schema(description = "the buyer's document number, unique per buyer company", example = "AD-2026-10-0001")
        String invoiceeMgtKey,
        @Schema(description = "the supplier's document number, optional") String invoicerMgtKey,
        @NotBlank @Pattern(regexp = "\\d{8}", message = "must be yyyyMMdd") @Schema(example = "20261031") String writeDate,
        @NotNull @Schema(example = "과세") TaxType taxType,
        @NotNull @Schema(example = "청구") PurposeType purposeType,
        @Schema(example = "정과금", description = "defaults to 정과금") ChargeDirection chargeDirection,
        @NotNull @Schema(example = "1000000") Long supplyCostTotal,
        @NotNull @Schema(example = "100000") Long taxTotal,
        @NotNull @Schema(example = "1100000") Long totalAmount,
        Long cash,
        Long chkBill,
        Long note,
        Long credit,
        String remark1,
        String remark2,
        String remark3,
        @Min(0) @Max(9999) Integer kwon,
        @Min(0) @Max(9999) Integer ho,
        String serialNum,
        @Schema(description = "write even though the issuance deadline has passed (지연발급, 1% penalty)")
        Boolean lateIssue,
        @Min(1) @Max(6) Integer modifyCode,
        @JsonProperty("orgNTSConfirmNum") String orgNTSConfirmNum,
        @NotEmpty @Size(max = 99, message = "must have at most 99 line items") List<@Valid @NotNull Line> detailList,
        @Size(max = 1000) String memo,
        Integer version) {

    /** One line (품목). */
    public record Line(
            @NotNull @Min(1) @Max(99) Integer serialNum,
            @Pattern(regexp = "\\d{8}", message = "must be yyyyMMdd") @Schema(example = "20261031") String purchaseDT,
            @Schema(example = "2026년 10월 광고비") String itemName,
            String spec,
            @Digits(integer = 14, fraction = 2, message = "must have at most 2 decimal places") @DecimalMin("0") BigDecimal qty,
            Long unitCost,
            @NotNull Long supplyCost,
            @NotNull Long tax,
            String remark) {
    }
}
