package io.billflow.partner.adapter.web;

import java.util.List;

import io.billflow.partner.api.PartnerType;
import io.billflow.partner.api.ValidBusinessNumber;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or replace a partner. {@code version} is required on update (optimistic locking). */
public record PartnerRequest(
        @NotNull PartnerType partnerType,
        @Schema(example = "220-81-62517") @ValidBusinessNumber String corpNum,
        @Schema(description = "종사업장번호, 4 digits", example = "0001") @Pattern(regexp = "\\d{4}", message = "must be 4 digits") String taxRegId,
        @Schema(example = "(주)한빛미디어") @NotBlank @Size(max = 200) String corpName,
        @Schema(example = "홍길동") @Size(max = 100) String ceoName,
        @Schema(example = "서울특별시 강남구 테헤란로 123") @Size(max = 300) String addr,
        @Schema(example = "서비스") @Size(max = 100) String bizType,
        @Schema(example = "광고대행") @Size(max = 100) String bizClass,
        @Valid @NotNull ContactRequest contact,
        @Size(max = 5, message = "at most 5 extra e-mails") List<@NotBlank @Email @Size(max = 100) String> extraEmails,
        Integer version) {

    /** 담당자: the e-mail is where issue requests go; the mobile receives KakaoTalk/SMS. */
    public record ContactRequest(
            @Schema(example = "김담당") @Size(max = 100) String name,
            @Schema(example = "tax@hanbit.co.kr") @NotBlank @Email @Size(max = 100) String email,
            @Schema(example = "010-1234-5678") @Pattern(regexp = "01[016789]-?\\d{3,4}-?\\d{4}", message = "must be a Korean mobile number (010-1234-5678)") String mobile,
            @Schema(example = "02-123-4567") @Pattern(regexp = "0\\d{1,2}-?\\d{3,4}-?\\d{4}", message = "must be a Korean phone number") String tel) {
    }
}
