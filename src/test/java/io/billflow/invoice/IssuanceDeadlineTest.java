package io.billflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.calendar.api.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 발급기한 = the 10th of the next month, moved past weekends and the shipped Korean holidays. */
@BillflowSpringTest
class IssuanceDeadlineTest {

    @Autowired
    BusinessCalendar calendar;

    @LocalServerPort
    int port;

    @Test
    void theTenthOfTheNextMonthOnABusinessDay() {
        assertThat(calendar.issuanceDeadline(LocalDate.of(2026, 10, 31))).isEqualTo(LocalDate.of(2026, 11, 10)); // Tue
        assertThat(calendar.issuanceDeadline(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 12));  // Sat 10th → Mon
        assertThat(calendar.issuanceDeadline(LocalDate.of(2026, 1, 5))).isEqualTo(LocalDate.of(2026, 2, 10));    // Tue
        // 2025-10-10 Fri is a business day, but 2025-10-03..09 are holidays: unaffected
        assertThat(calendar.issuanceDeadline(LocalDate.of(2025, 9, 30))).isEqualTo(LocalDate.of(2025, 10, 10));
        // 2027-02-10 Wed: 설날 2027-02-06..09 ends the day before
        assertThat(calendar.issuanceDeadline(LocalDate.of(2027, 1, 31))).isEqualTo(LocalDate.of(2027, 2, 10));
        // 2026-05-10 is a Sunday → Monday 11th
        assertThat(calendar.issuanceDeadline(LocalDate.of(2026, 4, 30))).isEqualTo(LocalDate.of(2026, 5, 11));
    }

    @Test
    void shippedHolidaysAndWeekendsAreNotBusinessDays() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 9, 25))).isFalse(); // 추석
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 10, 5))).isFalse(); // 대체공휴일(개천절)
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 23))).isTrue();
        assertThat(calendar.onOrAfter(LocalDate.of(2026, 9, 24))).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void adminsAddAndRemoveHolidaysThroughTheApi() {
        TestHttp http = new TestHttp(port);
        LocalDate election = LocalDate.of(2027, 3, 3); // a Wednesday
        assertThat(calendar.isBusinessDay(election)).isTrue();

        HttpResponse<String> added = http.putJson("/api/calendar/holidays/2027-03-03", "{\"name\":\"임시공휴일(선거)\"}",
                "admin", "admin");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(calendar.isBusinessDay(election)).isFalse();
        assertThat(http.getBasic("/api/calendar/holidays?year=2027", "operator", "operator").body())
                .contains("임시공휴일(선거)").contains("설날");
        assertThat(http.getBasic("/api/calendar/days/2027-02-28", "operator", "operator").body())
                .contains("\"issuanceDeadline\":\"2027-03-10\"");

        assertThat(http.putJson("/api/calendar/holidays/2027-03-03", "{\"name\":\"x\"}", "operator", "operator").statusCode())
                .as("only admins edit").isEqualTo(403);
        assertThat(http.deleteBasic("/api/calendar/holidays/2027-03-03", "admin", "admin").statusCode()).isEqualTo(204);
        assertThat(calendar.isBusinessDay(election)).isTrue();
        assertThat(http.deleteBasic("/api/calendar/holidays/2027-03-03", "admin", "admin").statusCode()).isEqualTo(404);
    }
}
