package io.billflow.calendar.adapter.web;

import java.time.LocalDate;
import java.util.List;

import io.billflow.calendar.application.HolidayCalendar;
import io.billflow.platform.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/calendar")
@Tag(name = "Business calendar", description = "Korean public holidays; admins edit ad-hoc holidays")
class HolidayController {

    public record HolidayRequest(@NotBlank @Size(max = 200) String name) {
    }

    /** Whether a date is a business day, and the issuance deadline for a write date on it. */
    public record DayInfo(LocalDate date, boolean businessDay, LocalDate nextBusinessDay, LocalDate issuanceDeadline) {
    }

    private final HolidayCalendar calendar;

    public HolidayController(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @Operation(summary = "The holidays of one year: public holidays and ad-hoc ones")
    @GetMapping("/holidays")
    public List<HolidayCalendar.Holiday> holidays(@RequestParam @Min(2000) @Max(2100) int year) {
        return calendar.holidays(year);
    }

    @PutMapping("/holidays/{date}")
    @Operation(summary = "Add or rename a holiday (admins)")
    public HolidayCalendar.Holiday put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                       @Valid @RequestBody HolidayRequest request, Authentication caller) {
        return calendar.put(date, request.name().strip(), caller.getName());
    }

    @DeleteMapping("/holidays/{date}")
    @Operation(summary = "Remove a holiday (admins); the shipped file will not bring it back")
    public ResponseEntity<Void> delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                       Authentication caller) {
        if (!calendar.remove(date, caller.getName())) {
            throw new ResourceNotFoundException("No holiday on " + date);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "Is this a business day, and what is the issuance deadline for this write date?")
    public DayInfo day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return new DayInfo(date, calendar.isBusinessDay(date), calendar.onOrAfter(date), calendar.issuanceDeadline(date));
    }
}
