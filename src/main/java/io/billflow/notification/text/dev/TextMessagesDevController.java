package io.billflow.notification.text.dev;

import java.util.List;

import io.billflow.notification.text.TextMessagingSimulator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dev/text-messages}: what the SIMULATOR "sent", oldest first, so that a local run can be
 * followed without a phone. Local profile only, staff only (every {@code GET /api/**} needs a staff group).
 */
@RestController
@Profile("local")
@ConditionalOnProperty(prefix = "billflow.text", name = "provider", havingValue = "simulator", matchIfMissing = true)
class TextMessagesDevController {

    private final TextMessagingSimulator simulator;

    public TextMessagesDevController(TextMessagingSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/api/dev/text-messages")
    public List<TextMessagingSimulator.SimulatedText> list() {
        return simulator.messages();
    }
}
