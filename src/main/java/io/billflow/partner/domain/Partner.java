package io.billflow.partner.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.billflow.partner.api.PartnerType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A supplier (공급자) the operator owes money to, or an individual paid with withholding.
 * A business partner must be linked to NTS (국세청 연동) before any invoice to it may be requested;
 * changing its business data drops that link until someone relinks it on purpose.
 */
@Table("partner")
public class Partner {

    @Id
    private Long id;
    @Version
    private Integer version;
    private PartnerType partnerType;
    private String corpNum;
    @Embedded.Empty
    private CompanyProfile profile;
    @Embedded.Empty(prefix = "contact_")
    private Contact contact;
    @MappedCollection(idColumn = "partner_id", keyColumn = "position")
    private List<PartnerEmail> extraEmails = new ArrayList<>();
    private BusinessState businessState = BusinessState.UNKNOWN;
    private Instant businessStateCheckedAt;
    private Instant ntsLinkedAt;
    private String ntsLinkedBy;
    private Instant createdAt;
    private Instant updatedAt;

    protected Partner() {
    }

    public static Partner create(PartnerData data, Instant now) {
        Partner partner = new Partner();
        partner.partnerType = data.partnerType();
        partner.corpNum = data.corpNum();
        partner.apply(data);
        partner.createdAt = now;
        partner.updatedAt = now;
        return partner;
    }

    /**
     * Applies new data. Returns true when business data (name, CEO, address, 업태/종목, 종사업장) changed,
     * in which case an existing NTS link is dropped: what NTS knows no longer matches.
     */
    public boolean update(PartnerData data, Instant now) {
        boolean businessDataChanged = !Objects.equals(profile, data.profile());
        apply(data);
        updatedAt = now;
        if (businessDataChanged && isNtsLinked()) {
            unlink();
            return true;
        }
        return false;
    }

    private void apply(PartnerData data) {
        profile = data.profile();
        contact = data.contact();
        extraEmails = new ArrayList<>(data.extraEmails().stream().map(PartnerEmail::new).toList());
    }

    /** Puts a held contact change in force (the only way a staff change of the channels takes effect). */
    public void applyChannels(ContactChannels channels, Instant now) {
        contact = new Contact(contact.name(), channels.email(), channels.mobile(), contact.tel());
        extraEmails = new ArrayList<>(channels.extraEmails().stream().map(PartnerEmail::new).toList());
        updatedAt = now;
    }

    public ContactChannels channels() {
        return ContactChannels.of(contact(), extraEmails());
    }

    public void recordBusinessState(BusinessState state, Instant checkedAt) {
        businessState = state;
        businessStateCheckedAt = checkedAt;
    }

    public void link(String by, Instant at) {
        ntsLinkedAt = at;
        ntsLinkedBy = by;
        updatedAt = at;
    }

    public void unlink() {
        ntsLinkedAt = null;
        ntsLinkedBy = null;
    }

    public boolean isNtsLinked() {
        return ntsLinkedAt != null;
    }

    public boolean isInvoiceable() {
        return partnerType == PartnerType.BUSINESS && isNtsLinked() && businessState != BusinessState.CLOSED;
    }

    public Long id() { return id; }
    public Integer version() { return version; }
    public PartnerType partnerType() { return partnerType; }
    public String corpNum() { return corpNum; }
    public CompanyProfile profile() { return profile; }
    public String taxRegId() { return profile.taxRegId(); }
    public String corpName() { return profile.corpName(); }
    public String ceoName() { return profile.ceoName(); }
    public String addr() { return profile.addr(); }
    public String bizType() { return profile.bizType(); }
    public String bizClass() { return profile.bizClass(); }
    public Contact contact() { return contact; }
    public List<String> extraEmails() { return extraEmails.stream().map(PartnerEmail::email).toList(); }
    public BusinessState businessState() { return businessState; }
    public Instant businessStateCheckedAt() { return businessStateCheckedAt; }
    public Instant ntsLinkedAt() { return ntsLinkedAt; }
    public String ntsLinkedBy() { return ntsLinkedBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
