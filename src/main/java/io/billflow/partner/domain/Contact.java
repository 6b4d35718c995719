package io.billflow.partner.domain;

/** The primary contact (담당자) of a company. */
public record Contact(String name, String email, String mobile, String tel) {
}
