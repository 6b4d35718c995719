package io.billflow.notification.adapter.web;

import java.time.LocalDate;
import java.util.List;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.application.NotificationMessages;
import io.billflow.notification.application.NotificationPreferences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Notifications", description = "Every message queued or sent, failed ones to resend; preferences")
class NotificationController {

    /** Channels for one event. */
    public record PreferenceRequest(@NotNull Boolean email, @NotNull Boolean alimtalk, @NotNull Boolean sms) {
    }

    private final NotificationMessages messages;
    private final NotificationPreferences preferences;

    public NotificationController(NotificationMessages messages, NotificationPreferences preferences) {
        this.messages = messages;
        this.preferences = preferences;
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "Messages by recipient (key or address), event, status, channel, a text's delivery status "
            + "(ACCEPTED = report awaited, DELIVERED, FAILED) and date (yyyy-MM-dd), newest first")
    public NotificationMessages.Page list(@RequestParam(required = false) String recipient,
                                          @RequestParam(required = false) NotificationEvent event,
                                          @RequestParam(required = false) String status,
                                          @RequestParam(required = false) String channel,
                                          @RequestParam(required = false) String delivery,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return messages.search(new NotificationMessages.Criteria(recipient, event == null ? null : event.name(), status,
                channel, delivery, from, to), page, size);
    }

    @Operation(summary = "One message with its attempts")
    @GetMapping("/api/notifications/{id}")
    public NotificationMessages.Message get(@PathVariable long id) {
        return messages.get(id);
    }

    @PostMapping("/api/notifications/{id}/resend")
    @Operation(summary = "Queue a FAILED or CANCELLED message again")
    public NotificationMessages.Message resend(@PathVariable long id, Authentication caller) {
        return messages.resend(id, caller.getName());
    }

    @PostMapping("/api/notifications/{id}/close")
    @Operation(summary = "Close a FAILED message as handled another way")
    public NotificationMessages.Message close(@PathVariable long id, Authentication caller) {
        return messages.close(id, caller.getName());
    }

    @GetMapping("/api/notification-preferences/{recipientKey}")
    @Operation(summary = "A recipient's channels per event (partner:12, user:operator)")
    public List<NotificationPreferences.Preference> preferences(@PathVariable String recipientKey) {
        return preferences.of(recipientKey);
    }

    @PutMapping("/api/notification-preferences/{recipientKey}/{event}")
    @Operation(summary = "Switch channels for one event; a mandatory notice keeps its e-mail")
    public NotificationPreferences.Preference set(@PathVariable String recipientKey, @PathVariable NotificationEvent event,
                                                  @Valid @RequestBody PreferenceRequest request, Authentication caller) {
        // recipient keys are "kind:id" (partner:12, settlement-group:3:verification); anything else is a typo
        if (recipientKey.length() > 100 || !recipientKey.matches("[a-z][a-z-]*:[A-Za-z0-9:_-]+")) {
            throw new io.billflow.platform.web.InvalidInputException("recipientKey",
                    "must be a recipient key such as partner:12 (at most 100 characters)");
        }
        return preferences.set(recipientKey, event, request.email(), request.alimtalk(), request.sms(), caller.getName());
    }
}
