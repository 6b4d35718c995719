package io.billflow.settlement.domain;

import java.util.List;

/** What staff may edit on a settlement group (the payout account and verification mobile have their own flows). */
public record GroupData(String name, List<String> media, List<GroupContact> contacts, int settlementDeadlineDay) {

    public GroupData {
        media = List.copyOf(media);
        contacts = List.copyOf(contacts);
    }
}
