package io.billflow.settlement.adapter.web;

import java.util.List;

import io.billflow.settlement.application.PayoutAccountInput;
import io.billflow.settlement.domain.GroupContact;
import io.billflow.settlement.domain.GroupData;
import io.billflow.settlement.domain.SettlementGroup;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of {@code /api/settlement/groups}. */
final class GroupRequests {

    static final String MOBILE = "01[016789]-?\\d{3,4}-?\\d{4}";
    static final String MOBILE_MESSAGE = "must be a Korean mobile number (010-1234-5678)";

    private GroupRequests() {
    }

    /** A new group; {@code settlementDeadlineDay} defaults to the 10th, {@code payoutAccount} may come later. */
    record Create(
            @Schema(example = "1") @NotNull Long partnerId,
            @Schema(example = "상생RS>뉴스>다음스포츠 외") @NotBlank @Size(max = 100) String name,
            @Schema(example = "[\"다음스포츠\", \"다음연예\", \"다음뉴스\"]") @NotNull
            @Size(min = 1, max = 100) List<@NotBlank @Size(max = 100) String> media,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid ContactRequest> contacts,
            @Schema(description = "day of the following month, 1–10", example = "10") @Min(1) @Max(10)
            Integer settlementDeadlineDay,
            @Schema(description = "receives the one-time codes for payout account changes", example = "010-2345-6789")
            @NotBlank @Pattern(regexp = MOBILE, message = MOBILE_MESSAGE) String verificationMobile,
            @Valid AccountRequest payoutAccount) {

        GroupData data() {
            return GroupRequests.data(name, media, contacts, settlementDeadlineDay);
        }
    }

    /** Replaces what staff may edit; the payout account and verification mobile have their own endpoints. */
    record Update(
            @NotBlank @Size(max = 100) String name,
            @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 100) String> media,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid ContactRequest> contacts,
            @Min(1) @Max(10) Integer settlementDeadlineDay,
            Integer version) {

        GroupData data() {
            return GroupRequests.data(name, media, contacts, settlementDeadlineDay);
        }
    }

    record ContactRequest(
            @Schema(example = "박정산") @NotBlank @Size(max = 100) String name,
            @Schema(example = "settle@hanbit.co.kr") @NotBlank @Email @Size(max = 100) String email,
            @Schema(example = "010-1234-5678") @Pattern(regexp = MOBILE, message = MOBILE_MESSAGE) String mobile) {
    }

    /**
     * A payout account. Checked by the service (not by annotations) so that a rejected account number is
     * never echoed back in the problem details.
     */
    record AccountRequest(
            @Schema(description = "KFTC 3-digit bank code", example = "004") String bankCode,
            @Schema(description = "digits, optionally with hyphens; 10–16 digits", example = "123-456-78901234")
            String accountNumber,
            @Schema(description = "예금주", example = "(주)한빛광고") String holderName) {

        PayoutAccountInput input() {
            return new PayoutAccountInput(bankCode, accountNumber, holderName);
        }

        @Override
        public String toString() {
            return input().toString();
        }
    }

    record VerificationMobile(@NotBlank @Pattern(regexp = MOBILE, message = MOBILE_MESSAGE) String mobile) {
    }

    /** The six digits from the text message. */
    record Confirm(String code) {
        @Override
        public String toString() {
            return "Confirm[code=(hidden)]";
        }
    }

    private static GroupData data(String name, List<String> media, List<ContactRequest> contacts, Integer deadlineDay) {
        return new GroupData(name.strip(), media.stream().map(String::strip).toList(),
                contacts.stream().map(c -> new GroupContact(c.name().strip(), c.email().strip(),
                        c.mobile() == null || c.mobile().isBlank() ? null : c.mobile().strip())).toList(),
                deadlineDay == null ? SettlementGroup.DEFAULT_DEADLINE_DAY : deadlineDay);
    }
}
