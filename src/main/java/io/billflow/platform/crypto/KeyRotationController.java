package io.billflow.platform.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one step after a KEK change: every holder of wrapped data keys re-wraps them under the current KEK.
 * Each holder runs in its own transaction; called again, it finds nothing left and answers 0.
 */
@RestController
@Tag(name = "Security")
class KeyRotationController {

    private final List<KeyRewrapping> holders;
    private final KeyEncryptionKeys keys;

    public KeyRotationController(List<KeyRewrapping> holders, KeyEncryptionKeys keys) {
        this.holders = holders;
        this.keys = keys;
    }

    @PostMapping("/api/admin/security/rotate-kek")
    @Operation(summary = "Re-wrap every stored data key (certificates, payout accounts) under the current KEK, "
            + "after BILLFLOW_KEK changed and the old KEK moved to the previous ones")
    public Map<String, Object> rotate(Authentication caller) {
        Map<String, Object> rewrapped = new LinkedHashMap<>();
        rewrapped.put("currentKekId", keys.currentId());
        for (KeyRewrapping holder : holders) {
            rewrapped.put(holder.holding(), holder.rewrapAll(caller.getName()));
        }
        return rewrapped;
    }
}
